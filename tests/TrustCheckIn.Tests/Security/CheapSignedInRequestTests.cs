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
}
