using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TrustCheckIn.Accounts;
using TrustCheckIn.Data;
using TrustCheckIn.Tests.Infrastructure;

namespace TrustCheckIn.Tests.Accounts;

public sealed class TwoFactorTests(TestApp app) : IClassFixture<TestApp>
{
    [Fact]
    public async Task AuthenticatorSetUpShowsRecoveryCodesAndThenSignInAsksForACode()
    {
        var user = await app.CreateUserAsync();
        var browser = await app.SignInAsync(user);

        var (key, codes) = await EnableAsync(browser);
        app.Clock.Advance(Totp.Step);
        var login = await SignInWithPasswordAsync(app.CreateBrowser(), user);
        var signedIn = await login.Browser.SubmitAndReadAsync(login.Page, "#login-2fa-form", new() { ["Input.Code"] = CodeNow(key) });

        Assert.Equal(10, codes.Count);
        Assert.Equal("/Account/LoginWith2fa", login.Page.Url.AbsolutePath);
        Assert.Equal("/", signedIn.Url.AbsolutePath);
        Assert.Null(signedIn.Document.QuerySelector("#login-2fa-form"));
    }

    [Fact]
    public async Task AReplayedCodeIsRefused()
    {
        var user = await app.CreateUserAsync();
        var (key, _) = await EnableAsync(await app.SignInAsync(user));
        app.Clock.Advance(Totp.Step);
        var code = CodeNow(key);
        var first = await SignInWithPasswordAsync(app.CreateBrowser(), user);
        await first.Browser.SubmitAsync(first.Page, "#login-2fa-form", new() { ["Input.Code"] = code });

        var second = await SignInWithPasswordAsync(app.CreateBrowser(), user);
        var replayed = await second.Browser.SubmitAndReadAsync(second.Page, "#login-2fa-form", new() { ["Input.Code"] = code });

        Assert.NotNull(replayed.Document.QuerySelector("#login-2fa-form"));
        Assert.Contains("each works once", replayed.Document.QuerySelector("[data-valmsg-for='Input.Code']")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RecoveryCodesAreStoredHashedAndWorkOnce()
    {
        var user = await app.CreateUserAsync();
        var (_, codes) = await EnableAsync(await app.SignInAsync(user));
        string stored;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            stored = await scope.ServiceProvider.GetRequiredService<AppDbContext>().UserTokens
                .Where(t => t.UserId == user.Id && t.Name == "RecoveryCodes")
                .Select(t => t.Value!)
                .SingleAsync();
        }

        var first = await SignInWithPasswordAsync(app.CreateBrowser(), user);
        var recoveryPage = await first.Browser.GetPageAsync("/Account/LoginWithRecoveryCode");
        var used = await first.Browser.SubmitAndReadAsync(recoveryPage, "#login-recovery-form", new() { ["Input.RecoveryCode"] = codes[0] });
        var second = await SignInWithPasswordAsync(app.CreateBrowser(), user);
        var againPage = await second.Browser.GetPageAsync("/Account/LoginWithRecoveryCode");
        var reused = await second.Browser.SubmitAndReadAsync(againPage, "#login-recovery-form", new() { ["Input.RecoveryCode"] = codes[0] });

        Assert.All(codes, code => Assert.DoesNotContain(code, stored, StringComparison.OrdinalIgnoreCase));
        Assert.Contains(HashedRecoveryCodeUserStore.Hash(codes[1]), stored, StringComparison.Ordinal);
        Assert.Equal("/", used.Url.AbsolutePath);
        Assert.NotNull(reused.Document.QuerySelector("#login-recovery-form"));
    }

    [Fact]
    public async Task AWrongSetUpCodeKeepsTheFormAndSaysWhy()
    {
        var browser = await app.SignInAsync(await app.CreateUserAsync());

        var page = await browser.SubmitAndReadAsync(await browser.GetPageAsync("/Account/Manage/EnableAuthenticator"), "#enable-authenticator-form", new() { ["Input.Code"] = "000000" });

        Assert.Contains("didn't match", page.Document.QuerySelector("[data-valmsg-for='Input.Code']")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(page.Document.QuerySelector("#shared-key"));
    }

    private string CodeNow(string key) => Totp.Compute(key, Totp.TimeStepAt(app.Clock.GetUtcNow())).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);

    private async Task<(string Key, List<string> Codes)> EnableAsync(HttpClient browser)
    {
        var setUp = await browser.GetPageAsync("/Account/Manage/EnableAuthenticator");
        var key = setUp.Document.QuerySelector("#shared-key")!.TextContent.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
        var shown = await browser.SubmitAndReadAsync(setUp, "#enable-authenticator-form", new() { ["Input.Code"] = CodeNow(key) });
        return (key, shown.Document.QuerySelectorAll("#recovery-codes li").Select(li => li.TextContent.Trim()).ToList());
    }

    private static async Task<(HttpClient Browser, HtmlPage Page)> SignInWithPasswordAsync(HttpClient browser, TestUser user)
    {
        var page = await browser.SubmitAndReadAsync(await browser.GetPageAsync("/Account/Login"), "#login-form", new()
        {
            ["Input.Email"] = user.Email,
            ["Input.Password"] = user.Password,
        });
        return (browser, page);
    }
}
