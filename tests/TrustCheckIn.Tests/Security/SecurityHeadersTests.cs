using System.Net;
using TrustCheckIn.Tests.Infrastructure;
using Xunit.Abstractions;

namespace TrustCheckIn.Tests.Security;

public sealed class SecurityHeadersTests(TestApp app, ITestOutputHelper output) : IClassFixture<TestApp>
{
    [Fact]
    public async Task EveryPageAndDownloadSendsTheSecurityHeadersAndIsNeverCached()
    {
        var world = await SecurityWorld.BuildAsync(app);
        var failures = new List<string>();
        var checkedPages = 0;

        // Each GET row, as the first actor the table lets in (a page's real content, not a redirect).
        foreach (var row in AccessTable.Cases.Where(c => !c.IsPost))
        {
            var actor = Enum.GetValues<Actor>().Cast<Actor?>().FirstOrDefault(a => row.Expected(a!.Value) == 'o');
            if (actor is null)
            {
                continue;
            }

            var response = await world.Browser(actor.Value).GetAsync(row.Url(world));
            checkedPages++;
            var problems = Problems(response).ToList();
            if (response.StatusCode != HttpStatusCode.OK || problems.Count > 0)
            {
                failures.Add($"{row.Handler} {row.Url(world)} as {actor}: {(int)response.StatusCode} {string.Join("; ", problems)}");
            }
        }

        output.WriteLine($"Security headers checked on {checkedPages} pages and downloads.");
        Assert.True(checkedPages >= 50, $"Only {checkedPages} pages checked.");
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    private static IEnumerable<string> Problems(HttpResponseMessage response)
    {
        var csp = response.Headers.TryGetValues("Content-Security-Policy", out var policies) ? string.Join(" ", policies) : "";
        if (!csp.Contains("script-src 'self'", StringComparison.Ordinal) || csp.Contains("unsafe-inline", StringComparison.Ordinal) || !csp.Contains("frame-ancestors 'none'", StringComparison.Ordinal))
        {
            yield return $"CSP: {csp}";
        }

        foreach (var (header, value) in new[] { ("X-Content-Type-Options", "nosniff"), ("Referrer-Policy", "no-referrer"), ("X-Frame-Options", "DENY") })
        {
            if (!response.Headers.TryGetValues(header, out var values) || values.Single() != value)
            {
                yield return $"{header} missing";
            }
        }

        if (!response.Headers.TryGetValues("Strict-Transport-Security", out _))
        {
            yield return "HSTS missing";
        }

        if (response.Headers.CacheControl?.NoStore != true)
        {
            yield return $"Cache-Control: {response.Headers.CacheControl}";
        }
    }

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

        // Only the app's own script file, loaded from /js/ (script-src 'self'): nothing written inline.
        var script = Assert.Single(page.Document.Scripts);
        Assert.StartsWith("/js/site.", script.Source, StringComparison.Ordinal);
        Assert.Equal("", script.Text);
    }
}
