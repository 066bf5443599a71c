using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using TrustCheckIn.Tests.Infrastructure;

namespace TrustCheckIn.Tests.Operations;

// An operator who lists an extra host name must still get mails that point only at App:BaseUrl.
public sealed class ForeignHostApp : TestApp
{
    public const string Foreign = "evil.example";

    public ForeignHostApp() => WithSetting("AllowedHosts", Foreign);

    public HttpClient ForeignBrowser() => CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri($"https://{Foreign}") });
}

public sealed class HostHeaderTests(ForeignHostApp app) : IClassFixture<ForeignHostApp>
{
    [Fact]
    public async Task AForeignHostHeaderIsRefusedWhenNotListed()
    {
        using var plain = new TestApp();
        var client = plain.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri($"https://{ForeignHostApp.Foreign}") });

        var response = await client.GetAsync("/Account/ForgotPassword");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task EveryAccountMailLinksOnlyToThePublicAddress()
    {
        var confirmed = await app.CreateUserAsync();
        var unconfirmedEmail = $"{Guid.NewGuid():N}@example.test";
        var newEmail = $"{Guid.NewGuid():N}@example.test";
        var foreign = app.ForeignBrowser();

        await Register(foreign, unconfirmedEmail);
        await Register(foreign, confirmed.Email);
        await foreign.SubmitAsync(await foreign.GetPageAsync("/Account/ForgotPassword"), "#forgot-password-form", new() { ["Input.Email"] = confirmed.Email });
        await foreign.SubmitAsync(await foreign.GetPageAsync("/Account/ResendConfirmation"), "#resend-confirmation-form", new() { ["Input.Email"] = unconfirmedEmail });
        var signedIn = await SignInAsync(app.ForeignBrowser(), confirmed);
        await signedIn.SubmitAsync(await signedIn.GetPageAsync("/Account/Manage/Email"), "#change-email-form", new() { ["Input.Email"] = newEmail });

        var mails = app.MailTo(unconfirmedEmail).Concat(app.MailTo(confirmed.Email)).Concat(app.MailTo(newEmail)).ToList();
        var links = mails.SelectMany(m => System.Text.RegularExpressions.Regex.Matches(m.TextBody ?? "", @"https?://\S+").Select(l => l.Value)).ToList();

        // Confirm, confirm again, "already registered", reset, confirm the new address.
        Assert.Equal(5, mails.Count);
        Assert.Contains(links, l => l.Contains("/Account/ResetPassword", StringComparison.Ordinal));
        Assert.Contains(links, l => l.Contains("/Account/ConfirmEmailChange", StringComparison.Ordinal));
        Assert.Equal(2, links.Count(l => l.Contains("/Account/ConfirmEmail?", StringComparison.Ordinal)));
        Assert.All(links, l => Assert.StartsWith(TestApp.PublicAddress + "/", l, StringComparison.Ordinal));
        Assert.DoesNotContain(mails, m => (m.TextBody ?? "").Contains(ForeignHostApp.Foreign, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task TheInvitationLinkOnThePageUsesThePublicAddress()
    {
        var a = await app.CreateUserAsync();
        var browser = await SignInAsync(app.ForeignBrowser(), a);

        var page = await browser.SubmitAndReadAsync(await browser.GetPageAsync("/Couple"), "#invite-form");

        Assert.Contains($"{TestApp.PublicAddress}/Invitation/", page.Html, StringComparison.Ordinal);
        Assert.DoesNotContain(ForeignHostApp.Foreign, page.Html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task TheCalendarAddressFollowsThePublicAddress()
    {
        using var elsewhere = new TestApp().WithSetting("App:BaseUrl", "https://calendar.example.org");
        var (a, _) = await elsewhere.CreateCoupleAsync();
        var browser = await SignInAsync(elsewhere.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://calendar.example.org") }), a);

        var made = await browser.SubmitAndReadAsync(await browser.GetPageAsync("/Reminders"), "#calendar-feed-form");
        var address = made.Document.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("#calendar-address")!.Value;

        Assert.StartsWith("https://calendar.example.org/Calendar/", address, StringComparison.Ordinal);
    }

    [Fact]
    public void StartUpOutsideDevelopmentNeedsAPublicHttpsAddress()
    {
        using var missing = new TestApp().WithSetting("App:BaseUrl", "");
        using var plainHttp = new TestApp().WithSetting("App:BaseUrl", "http://checkin.example.org");

        var withoutAddress = Assert.ThrowsAny<Exception>(() => missing.CreateClient());
        var withHttp = Assert.ThrowsAny<Exception>(() => plainHttp.CreateClient());

        Assert.Contains("App:BaseUrl must be the site's public https address", withoutAddress.ToString(), StringComparison.Ordinal);
        Assert.Contains("http://checkin.example.org", withHttp.ToString(), StringComparison.Ordinal);
    }

    private static async Task<HttpClient> SignInAsync(HttpClient client, TestUser user)
    {
        var home = await client.SubmitAndReadAsync(await client.GetPageAsync("/Account/Login"), "#login-form", new() { ["Input.Email"] = user.Email, ["Input.Password"] = user.Password });
        Assert.Null(home.Document.QuerySelector("#login-form"));
        return client;
    }

    private static async Task Register(HttpClient client, string email) =>
        await client.SubmitAsync(await client.GetPageAsync("/Account/Register"), "#register-form", new()
        {
            ["Input.DisplayName"] = "Sam",
            ["Input.Email"] = email,
            ["Input.Password"] = TestApp.Password,
            ["Input.ConfirmPassword"] = TestApp.Password,
        });
}
