using System.Globalization;
using TrustCheckIn.Accounts;

namespace TrustCheckIn.BrowserTests;

// The steps journeys share, done through the UI only.
public static class Journeys
{
    public static string NewEmail(string who) => $"{who.ToLowerInvariant()}-{Guid.NewGuid():N}@example.test";

    public static async Task RegisterAndConfirmAsync(BrowserApp app, IPage page, string name, string email, bool asTherapist = false)
    {
        await page.GotoAsync("/");
        await app.CheckPageAsync(page, "Landing");
        await page.GetByRole(AriaRole.Link, new() { Name = "Create an account" }).First.ClickAsync();
        await app.CheckPageAsync(page, "Register");
        await page.GetByLabel("Your name, as your partner knows you").FillAsync(name);
        await page.GetByLabel("E-mail").FillAsync(email);
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync(BrowserApp.Password);
        await page.GetByLabel("Password again").FillAsync(BrowserApp.Password);
        if (asTherapist)
        {
            await page.GetByLabel("I'm a couples therapist").CheckAsync();
        }

        await page.GetByRole(AriaRole.Button, new() { Name = "Create my account" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Check your e-mail" })).ToBeVisibleAsync();
        await app.CheckPageAsync(page, "Register confirmation");

        await page.GotoAsync(app.ConfirmationLink(email));
        await app.CheckPageAsync(page, "Confirm e-mail");
        await page.GetByRole(AriaRole.Button, new() { Name = "Confirm my e-mail" }).ClickAsync();
        await Assertions.Expect(page.GetByText("your e-mail is confirmed")).ToBeVisibleAsync();
        await SignInAsync(app, page, email);
    }

    public static async Task SignInAsync(BrowserApp app, IPage page, string email, string password = BrowserApp.Password)
    {
        await SubmitPasswordAsync(app, page, email, password);
        await ExpectSignedInAsync(page);
    }

    // The first step of signing in; an account with an authenticator app is then asked for a code.
    public static async Task SubmitPasswordAsync(BrowserApp app, IPage page, string email, string password = BrowserApp.Password)
    {
        await page.GotoAsync("/Account/Login");
        await app.CheckPageAsync(page, "Sign in");
        await page.GetByLabel("E-mail").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
    }

    public static Task ExpectSignedInAsync(IPage page) =>
        Assertions.Expect(page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = "More" })).ToBeVisibleAsync();

    // From "Set up an authenticator app" (already open) to the recovery codes: the key and codes an app and a drawer would keep.
    public static async Task<(string Key, IReadOnlyList<string> RecoveryCodes)> TurnOnAuthenticatorAsync(BrowserApp app, IPage page)
    {
        await app.CheckPageAsync(page, "Set up authenticator");
        var key = (await page.Locator("#shared-key").TextContentAsync())!.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
        await page.GetByLabel("Code from your authenticator app").FillAsync(AuthenticatorCode(key, DateTimeOffset.UtcNow));
        await page.GetByRole(AriaRole.Button, new() { Name = "Turn on two-step sign-in" }).ClickAsync();
        await Assertions.Expect(page.Locator("#recovery-codes li")).ToHaveCountAsync(10);
        await app.CheckPageAsync(page, "Recovery codes");
        return (key, await page.Locator("#recovery-codes li").AllTextContentsAsync());
    }

    // What the person's authenticator app shows at that time.
    public static string AuthenticatorCode(string key, DateTimeOffset at) =>
        Totp.Compute(key, Totp.TimeStepAt(at)).ToString("D6", CultureInfo.InvariantCulture);

    public static async Task SignOutAsync(BrowserApp app, IPage page)
    {
        await page.GotoAsync("/Account/Logout");
        await app.CheckPageAsync(page, "Sign out");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out now" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = "Sign in" })).ToBeVisibleAsync();
    }

    // Two people who registered, confirmed and paired through the UI: the start of every couple journey.
    public static async Task<(IPage A, IPage B)> NewCoupleAsync(BrowserApp app, string nameA, string nameB, bool javaScript = true)
    {
        var a = await app.NewPageAsync(javaScript);
        var b = await app.NewPageAsync(javaScript);
        await RegisterAndConfirmAsync(app, a, nameA, NewEmail(nameA));
        await RegisterAndConfirmAsync(app, b, nameB, NewEmail(nameB));
        await PairAsync(app, a, b, nameA);
        return (a, b);
    }

    public static async Task PairAsync(BrowserApp app, IPage inviter, IPage joiner, string inviterName)
    {
        await inviter.GotoAsync("/Couple");
        await app.CheckPageAsync(inviter, "Couple, not paired");
        await inviter.GetByLabel("Our check-in day").SelectOptionAsync(new SelectOptionValue { Label = "Sunday" });
        await inviter.GetByRole(AriaRole.Button, new() { Name = "Create an invitation" }).ClickAsync();
        await app.CheckPageAsync(inviter, "Couple, invitation open");
        var link = await inviter.Locator("#open-invitations a").First.GetAttributeAsync("href");

        await joiner.GotoAsync(link!);
        await app.CheckPageAsync(joiner, "Join");
        await Assertions.Expect(joiner.GetByText($"{inviterName} invited you")).ToBeVisibleAsync();
        await joiner.GetByRole(AriaRole.Button, new() { Name = "Join" }).ClickAsync();
        await Assertions.Expect(joiner.GetByText($"You and {inviterName} are now a couple")).ToBeVisibleAsync();
        await app.CheckPageAsync(joiner, "Home, paired");
    }
}
