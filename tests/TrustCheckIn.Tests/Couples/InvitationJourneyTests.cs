using System.Net;
using TrustCheckIn.Common;
using TrustCheckIn.Couples;
using TrustCheckIn.Tests.Infrastructure;

namespace TrustCheckIn.Tests.Couples;

// The invited partner's path: from an e-mailed link, through registration, confirmation and sign-in, to Join.
public sealed class InvitationJourneyTests(TestApp app) : IClassFixture<TestApp>
{
    private async Task<(TestUser Inviter, HttpClient Browser, CoupleService.InvitationView Invitation)> InvitationAsync()
    {
        var inviter = await app.CreateUserAsync($"Alex {Guid.NewGuid().ToString("N")[..6]}");
        var invitation = await app.WithServiceAsync<Result<CoupleService.InvitationView>, CoupleService>(c => c.CreateInvitationAsync(inviter.Id, new CheckInSchedule("Europe/London", DayOfWeek.Sunday)));
        return (inviter, await app.SignInAsync(inviter), invitation.Value!);
    }

    [Fact]
    public async Task AnInvitationMailedToANewPersonCarriesThemThroughSignUpToBeingACouple()
    {
        var (inviter, inviterBrowser, invitation) = await InvitationAsync();
        var email = $"{Guid.NewGuid():N}@example.test";

        var sent = await inviterBrowser.SubmitAndReadAsync(await inviterBrowser.GetPageAsync("/Couple"), "#email-invitation-form", new() { ["email"] = email });
        var mail = app.MailTo(email).Single();
        var visitor = app.CreateBrowser();
        var landing = await visitor.GetPageAsync(TestApp.LinkIn(mail, "/Invitation/"));
        var register = await visitor.GetPageAsync(landing.Document.QuerySelector("#create-account")!.GetAttribute("href")!);
        await visitor.SubmitAsync(register, "#register-form", new()
        {
            ["Input.DisplayName"] = "Jo Okafor",
            ["Input.Email"] = email,
            ["Input.Password"] = TestApp.Password,
            ["Input.ConfirmPassword"] = TestApp.Password,
        });
        var confirmation = app.MailTo(email).Last();
        var confirmPage = await visitor.GetPageAsync(TestApp.LinkIn(confirmation, "/Account/ConfirmEmail"));
        var confirmed = await visitor.SubmitAndReadAsync(confirmPage, "#confirm-email-form");
        var login = await visitor.GetPageAsync(confirmed.Document.QuerySelector("#sign-in-to-join")!.GetAttribute("href")!);
        var join = await visitor.SubmitAndReadAsync(login, "#login-form", new() { ["Input.Email"] = email, ["Input.Password"] = TestApp.Password });
        var home = await visitor.SubmitAndReadAsync(join, "#join-form");

        Assert.Contains("Sent.", sent.Text, StringComparison.Ordinal);
        Assert.Equal($"{inviter.DisplayName} invited you to TrustCheckIn", mail.Subject);
        Assert.Equal([$"{TestApp.PublicAddress}/Invitation/{invitation.Code}"], System.Text.RegularExpressions.Regex.Matches(mail.TextBody ?? "", @"https?://\S+").Select(m => m.Value));
        Assert.Equal($"{inviter.DisplayName} invited you", landing.Document.QuerySelector("#invitation-heading")!.TextContent);
        Assert.Contains($"{inviter.DisplayName} invited you", register.Document.QuerySelector("#invitation-note")!.TextContent, StringComparison.Ordinal);
        Assert.Contains($"invite={invitation.Code}", TestApp.LinkIn(confirmation, "/Account/ConfirmEmail"), StringComparison.Ordinal);
        Assert.Equal($"/Couple/Join?code={invitation.Code}", join.Url.PathAndQuery);
        Assert.Contains(inviter.DisplayName, join.Document.QuerySelector("#join-invited-by")!.TextContent, StringComparison.Ordinal);
        Assert.Contains($"You and {inviter.DisplayName} are now a couple", home.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AskingForTheConfirmationMailAgainKeepsTheInvitationSoConfirmingStillLeadsToJoin()
    {
        var (inviter, _, invitation) = await InvitationAsync();
        var email = $"{Guid.NewGuid():N}@example.test";
        var visitor = app.CreateBrowser();

        var registered = await visitor.SubmitAndReadAsync(await visitor.GetPageAsync($"/Account/Register?invite={invitation.Code}"), "#register-form", new()
        {
            ["Input.DisplayName"] = "Sam Reyes",
            ["Input.Email"] = email,
            ["Input.Password"] = TestApp.Password,
            ["Input.ConfirmPassword"] = TestApp.Password,
        });
        var first = app.MailTo(email).Single();
        var resend = await visitor.GetPageAsync(registered.Document.QuerySelector("a[href*='ResendConfirmation']")!.GetAttribute("href")!);
        var resent = await visitor.SubmitAndReadAsync(resend, "#resend-confirmation-form", new() { ["Input.Email"] = email });
        var second = app.MailTo(email).Last();
        var confirmPage = await visitor.GetPageAsync(TestApp.LinkIn(second, "/Account/ConfirmEmail"));
        var confirmed = await visitor.SubmitAndReadAsync(confirmPage, "#confirm-email-form");
        var login = await visitor.GetPageAsync(confirmed.Document.QuerySelector("#sign-in-to-join")!.GetAttribute("href")!);
        var join = await visitor.SubmitAndReadAsync(login, "#login-form", new() { ["Input.Email"] = email, ["Input.Password"] = TestApp.Password });

        Assert.Equal(2, app.MailTo(email).Count);
        Assert.NotEqual(TestApp.LinkIn(first, "/Account/ConfirmEmail"), TestApp.LinkIn(second, "/Account/ConfirmEmail"));
        Assert.Contains($"invite={invitation.Code}", TestApp.LinkIn(second, "/Account/ConfirmEmail"), StringComparison.Ordinal);
        Assert.Equal("Check your e-mail", resent.Document.QuerySelector("h1")!.TextContent);
        Assert.Contains("your e-mail is confirmed", confirmed.Text, StringComparison.Ordinal);
        Assert.Equal($"/Couple/Join?code={invitation.Code}", join.Url.PathAndQuery);
        Assert.Contains(inviter.DisplayName, join.Document.QuerySelector("#join-invited-by")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AResendWithAMadeUpInvitationCodeSendsAPlainConfirmationLink()
    {
        var email = $"{Guid.NewGuid():N}@example.test";
        var visitor = app.CreateBrowser();
        await visitor.SubmitAsync(await visitor.GetPageAsync("/Account/Register"), "#register-form", new()
        {
            ["Input.DisplayName"] = "Lee Park",
            ["Input.Email"] = email,
            ["Input.Password"] = TestApp.Password,
            ["Input.ConfirmPassword"] = TestApp.Password,
        });

        var resend = await visitor.GetPageAsync("/Account/ResendConfirmation?invite=NOT-A-REAL-CODE");
        var resent = await visitor.SubmitAndReadAsync(resend, "#resend-confirmation-form", new() { ["Input.Email"] = email });

        Assert.Equal(2, app.MailTo(email).Count);
        Assert.DoesNotContain("invite=", TestApp.LinkIn(app.MailTo(email).Last(), "/Account/ConfirmEmail"), StringComparison.Ordinal);
        Assert.DoesNotContain("NOT-A-REAL-CODE", resent.Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SomeoneWithAnAccountSignsInFromTheLinkAndLandsOnJoin()
    {
        var (inviter, _, invitation) = await InvitationAsync();
        var partner = await app.CreateUserAsync();
        var visitor = app.CreateBrowser();

        var landing = await visitor.GetPageAsync($"/Invitation/{invitation.Code}");
        var login = await visitor.GetPageAsync(landing.Document.QuerySelector("#have-account")!.GetAttribute("href")!);
        var join = await visitor.SubmitAndReadAsync(login, "#login-form", new() { ["Input.Email"] = partner.Email, ["Input.Password"] = partner.Password });
        var again = await visitor.GetPageAsync($"/Invitation/{invitation.Code}");

        Assert.Equal($"/Couple/Join?code={invitation.Code}", join.Url.PathAndQuery);
        Assert.Contains(inviter.DisplayName, join.Document.QuerySelector("#join-invited-by")!.TextContent, StringComparison.Ordinal);
        Assert.Equal($"/Couple/Join?code={invitation.Code}", again.Url.PathAndQuery);
    }

    [Fact]
    public async Task AWithdrawnExpiredOrUsedInvitationSaysSoKindlyAtEveryStep()
    {
        var (_, withdrawnBrowser, withdrawn) = await InvitationAsync();
        await withdrawnBrowser.PostAsync($"/Couple?handler=Revoke&id={withdrawn.Id}", new FormUrlEncodedContent([new("__RequestVerificationToken", await Security.SecurityWorld.TokenAsync(withdrawnBrowser, signedIn: true))]));
        var (_, _, used) = await InvitationAsync();
        var accepter = await app.CreateUserAsync();
        await app.WithServiceAsync<Result<CoupleService.CoupleView>, CoupleService>(c => c.AcceptAsync(accepter.Id, used.Code));
        var (_, _, expired) = await InvitationAsync();
        var later = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(app.Clock.GetUtcNow() + Invitation.Lifetime + TimeSpan.FromMinutes(1));
        var expiredPreview = await app.WithServiceAsync<CoupleService.InvitationPreview?, CoupleService>(later, c => c.PreviewAsync(expired.Code));
        var visitor = app.CreateBrowser();
        var someone = await app.SignInAsync(await app.CreateUserAsync());

        foreach (var (code, words) in new[] { (withdrawn.Code, "withdrew this invitation"), (used.Code, "already been used") })
        {
            var landing = await visitor.GetPageAsync($"/Invitation/{code}");
            var register = await visitor.GetPageAsync($"/Account/Register?invite={code}");
            var join = await someone.GetPageAsync($"/Couple/Join?code={code}");

            Assert.Contains(words, landing.Document.QuerySelector("#invitation-unavailable")!.TextContent, StringComparison.Ordinal);
            Assert.Null(landing.Document.QuerySelector("#create-account"));
            Assert.Contains(words, register.Document.QuerySelector("#invitation-note")!.TextContent, StringComparison.Ordinal);
            Assert.Contains(words, join.Document.QuerySelector("#invitation-unavailable")!.TextContent, StringComparison.Ordinal);
        }

        Assert.Equal(InvitationState.Expired, expiredPreview!.State);
        Assert.Contains("has expired", expiredPreview.Unavailable, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync("/Invitation/NOSUCHCODE1")).StatusCode);
    }

    [Fact]
    public async Task AWrongAddressIsSaidBesideTheFieldAndTheAppMailsOneInvitationAtMostThreeTimes()
    {
        var (_, browser, _) = await InvitationAsync();
        var email = $"{Guid.NewGuid():N}@example.test";

        var wrong = await browser.SubmitAndReadAsync(await browser.GetPageAsync("/Couple"), "#email-invitation-form", new() { ["email"] = "not an address" });
        for (var i = 0; i < Invitation.MaxEmails; i++)
        {
            await browser.SubmitAsync(await browser.GetPageAsync("/Couple"), "#email-invitation-form", new() { ["email"] = email });
        }

        var fourth = await browser.SubmitAndReadAsync(await browser.GetPageAsync("/Couple"), "#email-invitation-form", new() { ["email"] = email });

        Assert.Contains("Please enter your partner's e-mail address", wrong.Document.QuerySelector("#invite-email-error")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("not an address", wrong.Document.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("input[name=email]")!.Value);
        Assert.Contains("sent 3 times already", fourth.Document.QuerySelector("#invite-email-error")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(Invitation.MaxEmails, app.MailTo(email).Count);
    }
}
