using TrustCheckIn.Tests.Infrastructure;

namespace TrustCheckIn.Tests.Security;

public sealed class SecurityHeadersTests(TestApp app) : IClassFixture<TestApp>
{
    [Theory]
    [InlineData("/")]
    [InlineData("/Account/Login")]
    [InlineData("/Status/404")]
    public async Task PagesSendTheSecurityHeaders(string url)
    {
        var response = await app.CreateBrowser().GetAsync(url);

        var csp = string.Join(" ", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("script-src 'self'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("no-referrer", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
        Assert.Contains("max-age=", Assert.Single(response.Headers.GetValues("Strict-Transport-Security")), StringComparison.Ordinal);
        Assert.True(response.Headers.CacheControl?.NoStore);
    }

    [Fact]
    public async Task NoPageCarriesInlineScript()
    {
        var page = await app.CreateBrowser().GetPageAsync("/");

        Assert.Empty(page.Document.Scripts);
    }
}
