using System.Net;
using System.Text.RegularExpressions;
using TrustCheckIn.Tests.Infrastructure;
using TrustCheckIn.Web.Pages.Account;

namespace TrustCheckIn.Tests.Accounts;

public sealed partial class SignInTests(TestApp app) : IClassFixture<TestApp>
{
    [Fact]
    public async Task FiveWrongPasswordsLockTheAccountEvenAgainstTheRightOne()
    {
        var user = await app.CreateUserAsync();
        var browser = app.CreateBrowser();

        for (var attempt = 0; attempt < 5; attempt++)
        {
            await SignInAsync(browser, user.Email, "not the right passphrase");
        }

        var withRightPassword = await SignInAsync(browser, user.Email, user.Password);

        Assert.NotNull(withRightPassword.Document.QuerySelector("#login-form"));
        Assert.Contains(LoginModel.FailureMessage, withRightPassword.Text, StringComparison.Ordinal);
        Assert.True(await app.WithServiceAsync<bool, Microsoft.AspNetCore.Identity.UserManager<TrustCheckIn.Accounts.AppUser>>(
            async users => await users.IsLockedOutAsync((await users.FindByIdAsync(user.Id))!)));
    }

    [Fact]
    public async Task FourWrongPasswordsStillLetTheRightOneIn()
    {
        var user = await app.CreateUserAsync();
        var browser = app.CreateBrowser();

        for (var attempt = 0; attempt < 4; attempt++)
        {
            await SignInAsync(browser, user.Email, "not the right passphrase");
        }

        var signedIn = await SignInAsync(browser, user.Email, user.Password);

        Assert.Null(signedIn.Document.QuerySelector("#login-form"));
    }

    [Fact]
    public async Task UnknownAndKnownEmailsGetTheSameSignInAnswer()
    {
        var user = await app.CreateUserAsync();

        var known = await SignInAsync(app.CreateBrowser(), user.Email, "not the right passphrase");
        var unknown = await SignInAsync(app.CreateBrowser(), $"{Guid.NewGuid():N}@example.test", "not the right passphrase");

        Assert.Equal(known.Response.StatusCode, unknown.Response.StatusCode);
        Assert.Equal(Normalise(known.Html), Normalise(unknown.Html));
    }

    [Fact]
    public async Task UnknownAndKnownEmailsGetTheSameResetAnswer()
    {
        var user = await app.CreateUserAsync();
        var unknownEmail = $"{Guid.NewGuid():N}@example.test";

        var known = await RequestResetAsync(user.Email);
        var unknown = await RequestResetAsync(unknownEmail);

        Assert.Equal(known.Url, unknown.Url);
        Assert.Equal(known.Html, unknown.Html);
        Assert.Single(app.MailTo(user.Email));
        Assert.Empty(app.MailTo(unknownEmail));
    }

    [Fact]
    public async Task ResetLinkSetsANewPassword()
    {
        var user = await app.CreateUserAsync();
        await RequestResetAsync(user.Email);
        var browser = app.CreateBrowser();
        var resetPage = await browser.GetPageAsync(TestApp.LinkIn(Assert.Single(app.MailTo(user.Email)), "/Account/ResetPassword"));

        var done = await browser.SubmitAndReadAsync(resetPage, "#reset-password-form", new()
        {
            ["Input.Email"] = user.Email,
            ["Input.Password"] = "a brand new long passphrase",
            ["Input.ConfirmPassword"] = "a brand new long passphrase",
        });
        var withNew = await SignInAsync(app.CreateBrowser(), user.Email, "a brand new long passphrase");

        Assert.Contains("Your password is reset", done.Text, StringComparison.Ordinal);
        Assert.Null(withNew.Document.QuerySelector("#login-form"));
    }

    [Fact]
    public async Task ChangingThePasswordKeepsThisSessionAndEndsTheOthers()
    {
        var user = await app.CreateUserAsync();
        var here = await app.SignInAsync(user);
        var elsewhere = await app.SignInAsync(user);

        var changed = await here.SubmitAndReadAsync(await here.GetPageAsync("/Account/Manage/ChangePassword"), "#change-password-form", new()
        {
            ["Input.CurrentPassword"] = user.Password,
            ["Input.NewPassword"] = "another long passphrase",
            ["Input.ConfirmPassword"] = "another long passphrase",
        });
        var elsewhereNext = await elsewhere.GetPageAsync("/Account/Manage");

        Assert.Contains("Your password is changed", changed.Text, StringComparison.Ordinal);
        Assert.Equal("/Account/Login", elsewhereNext.Url.AbsolutePath);
    }

    [Fact]
    public async Task SignOutEndsTheSession()
    {
        var user = await app.CreateUserAsync();
        var browser = await app.SignInAsync(user);

        await browser.SubmitAsync(await browser.GetPageAsync("/Account/Logout"), "#logout-form");
        var after = await browser.GetPageAsync("/Account/Manage");

        Assert.Equal("/Account/Login", after.Url.AbsolutePath);
    }

    [Fact]
    public async Task SignInIsRateLimitedWith429()
    {
        using var limited = new TestApp().WithSensitivePostsPerMinute(3);
        var browser = limited.CreateBrowser();
        var login = await browser.GetPageAsync("/Account/Login");
        var statuses = new List<HttpStatusCode>();

        for (var attempt = 0; attempt < 4; attempt++)
        {
            var response = await browser.SubmitAsync(login, "#login-form", new() { ["Input.Email"] = "x@example.test", ["Input.Password"] = "whatever it is here" });
            statuses.Add(response.StatusCode);
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
    }

    private static async Task<HtmlPage> SignInAsync(HttpClient browser, string email, string password) =>
        await browser.SubmitAndReadAsync(await browser.GetPageAsync("/Account/Login"), "#login-form", new()
        {
            ["Input.Email"] = email,
            ["Input.Password"] = password,
        });

    private async Task<HtmlPage> RequestResetAsync(string email)
    {
        var browser = app.CreateBrowser();
        return await browser.SubmitAndReadAsync(await browser.GetPageAsync("/Account/ForgotPassword"), "#forgot-password-form", new() { ["Input.Email"] = email });
    }

    // The typed e-mail is echoed back in its field and the antiforgery token differs per request.
    private static string Normalise(string html)
    {
        var withoutToken = AntiforgeryToken().Replace(html, "");
        var withoutEmail = EmailValue().Replace(withoutToken, "value=\"\"");
        return withoutEmail;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"[^\"]*\"")]
    private static partial Regex AntiforgeryToken();

    [GeneratedRegex("value=\"[^\"]*@example\\.test\"")]
    private static partial Regex EmailValue();
}
