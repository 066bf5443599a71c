namespace TrustCheckIn.BrowserTests.Accounts;

// The account's safety nets: two-step sign-in with an authenticator app or a recovery code, a forgotten password, a new e-mail.
public sealed class SignInSafetyJourneyTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task SomeoneWithAnAuthenticatorAppSignsInWithACodeAndLaterWithARecoveryCode(bool javaScript)
    {
        var noor = await app.NewPageAsync(javaScript);
        var email = Journeys.NewEmail("noor");
        await Journeys.RegisterAndConfirmAsync(app, noor, "Noor", email);
        await noor.GotoAsync("/Account/Manage/EnableAuthenticator");
        var (key, recoveryCodes) = await Journeys.TurnOnAuthenticatorAsync(app, noor);
        await Journeys.SignOutAsync(app, noor);

        await Journeys.SubmitPasswordAsync(app, noor, email);
        await Assertions.Expect(noor.GetByRole(AriaRole.Heading, new() { Name = "One more step" })).ToBeVisibleAsync();
        await app.CheckPageAsync(noor, "Two-step sign-in, code");
        // The code that turned the app on is spent; the app's next code is accepted (one step of clock drift either way).
        await noor.GetByLabel("Code from your authenticator app").FillAsync(Journeys.AuthenticatorCode(key, DateTimeOffset.UtcNow.AddSeconds(30)));
        await noor.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Journeys.ExpectSignedInAsync(noor);
        await Journeys.SignOutAsync(app, noor);

        await Journeys.SubmitPasswordAsync(app, noor, email);
        await noor.GetByRole(AriaRole.Link, new() { Name = "Use a recovery code" }).ClickAsync();
        await app.CheckPageAsync(noor, "Two-step sign-in, recovery code");
        await noor.GetByLabel("Recovery code").FillAsync(recoveryCodes[0]);
        await noor.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Journeys.ExpectSignedInAsync(noor);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task SomeoneWhoForgotTheirPasswordChoosesANewOneFromTheMailedLink(bool javaScript)
    {
        var email = Journeys.NewEmail("ravi");
        await Journeys.RegisterAndConfirmAsync(app, await app.NewPageAsync(javaScript), "Ravi", email);
        var ravi = await app.NewPageAsync(javaScript);
        const string newPassword = "a new and equally long passphrase";

        await ravi.GotoAsync("/Account/Login");
        await ravi.GetByRole(AriaRole.Link, new() { Name = "Forgotten your password?" }).ClickAsync();
        await app.CheckPageAsync(ravi, "Forgotten password");
        await ravi.GetByLabel("E-mail").FillAsync(email);
        await ravi.GetByRole(AriaRole.Button, new() { Name = "Send me a link" }).ClickAsync();
        await Assertions.Expect(ravi.GetByRole(AriaRole.Heading, new() { Name = "Check your e-mail" })).ToBeVisibleAsync();
        await app.CheckPageAsync(ravi, "Forgotten password, link sent");

        await ravi.GotoAsync(app.LinkIn(email, "/Account/ResetPassword"));
        await app.CheckPageAsync(ravi, "Reset password");
        await ravi.GetByLabel("E-mail").FillAsync(email);
        await ravi.GetByLabel("New password", new() { Exact = true }).FillAsync(newPassword);
        await ravi.GetByLabel("New password again").FillAsync(newPassword);
        await ravi.GetByRole(AriaRole.Button, new() { Name = "Save my new password" }).ClickAsync();
        await Assertions.Expect(ravi.GetByRole(AriaRole.Heading, new() { Name = "Your password is reset" })).ToBeVisibleAsync();
        await app.CheckPageAsync(ravi, "Reset password, done");

        await Journeys.SignInAsync(app, ravi, email, newPassword);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task SomeoneMovesToANewEmailOnlyOnceTheyOpenTheLinkSentThere(bool javaScript)
    {
        var sam = await app.NewPageAsync(javaScript);
        var newEmail = Journeys.NewEmail("sam-new");
        await Journeys.RegisterAndConfirmAsync(app, sam, "Sam", Journeys.NewEmail("sam"));

        await sam.GotoAsync("/Account/Manage/Email");
        await sam.GetByLabel("New e-mail").FillAsync(newEmail);
        await sam.GetByRole(AriaRole.Button, new() { Name = "Send a confirmation link" }).ClickAsync();
        await Assertions.Expect(sam.GetByText("We've sent a link to the new address.")).ToBeVisibleAsync();
        await sam.GotoAsync(app.LinkIn(newEmail, "/Account/ConfirmEmailChange"));
        await app.CheckPageAsync(sam, "Confirm new e-mail");
        await sam.GetByRole(AriaRole.Button, new() { Name = $"Use {newEmail} as my e-mail" }).ClickAsync();
        await Assertions.Expect(sam.GetByText("Thank you, your e-mail is changed.")).ToBeVisibleAsync();
        await app.CheckPageAsync(sam, "Confirm new e-mail, changed");

        await Journeys.SignOutAsync(app, sam);
        await Journeys.SignInAsync(app, sam, newEmail);
    }
}
