using System.Net;
using TrustCheckIn.Tests.Infrastructure;

namespace TrustCheckIn.Tests.Security;

public sealed class CheapSignedInRequestTests(TestApp app) : IClassFixture<TestApp>
{
    private static IEnumerable<string> CookiesSet(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Set-Cookie", out var values) ? values : [];

    [Fact]
    public async Task ASignedInStylesheetIsServedWithoutACookieAndMayBeCached()
    {
        var browser = await app.SignInAsync(await app.CreateUserAsync());
        var page = await browser.GetPageAsync("/Account/Manage");
        var stylesheet = page.Document.QuerySelector("link[rel=stylesheet]")!.GetAttribute("href")!;

        var response = await browser.GetAsync(stylesheet);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(CookiesSet(response));
        Assert.DoesNotContain("no-store", response.Headers.CacheControl?.ToString() ?? "", StringComparison.Ordinal);
    }

    [Fact]
    public async Task ASignedInPageDoesNotReissueTheSignInCookieWhenNothingChanged()
    {
        var browser = await app.SignInAsync(await app.CreateUserAsync());

        var first = await browser.GetAsync("/Account/Manage");
        var second = await browser.GetAsync("/Account/Manage/ChangePassword");

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.DoesNotContain(CookiesSet(first).Concat(CookiesSet(second)), c => c.StartsWith("TrustCheckIn.Auth=", StringComparison.Ordinal));
    }

    [Fact]
    public async Task APageWithNothingToPassOnSetsNoCookieAtAll()
    {
        var browser = await app.SignInAsync(await app.CreateUserAsync());
        await browser.GetAsync("/Account/Manage");

        // A page with a [TempData] message property, and a form (its antiforgery cookie came with the sign-in).
        var response = await browser.GetAsync("/Account/Manage/ChangePassword");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(CookiesSet(response));
    }

    [Fact]
    public async Task AMessageAfterARedirectIsShownOnceAndItsCookieDeleted()
    {
        var user = await app.CreateUserAsync();
        var browser = await app.SignInAsync(user);

        var changed = await browser.SubmitAndReadAsync(await browser.GetPageAsync("/Account/Manage/ChangePassword"), "#change-password-form", new()
        {
            ["Input.CurrentPassword"] = user.Password,
            ["Input.NewPassword"] = "another long passphrase",
            ["Input.ConfirmPassword"] = "another long passphrase",
        });
        var again = await browser.GetPageAsync("/Account/Manage");

        Assert.Contains("Your password is changed", changed.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Your password is changed", again.Text, StringComparison.Ordinal);
    }
}
