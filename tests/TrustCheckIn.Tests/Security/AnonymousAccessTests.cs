using System.Net;
using TrustCheckIn.Tests.Infrastructure;

namespace TrustCheckIn.Tests.Security;

public sealed class AnonymousAccessTests(TestApp app) : IClassFixture<TestApp>
{
    // Pages a visitor may open: the landing page, error pages and the sign-in/registration flow.
    private static readonly string[] PublicPrefixes = ["/Account/"];
    private static readonly string[] PublicPages = ["/", "/Index", "/Error", "/Status/{code:int}", "/Reminders/Unsubscribe", "/Notifications/Unsubscribe", "/Invitation/{code}"];

    [Fact]
    public async Task EveryNonPublicPageRedirectsAVisitorToSignIn()
    {
        var browser = app.CreateBrowser(followRedirects: false);
        var protectedRoutes = PageRoutes.All(app.Services)
            .Where(r => !PublicPages.Contains(r) && (!PublicPrefixes.Any(p => r.StartsWith(p, StringComparison.Ordinal)) || r.StartsWith("/Account/Manage", StringComparison.Ordinal)))
            .ToList();
        var failures = new List<string>();

        foreach (var route in protectedRoutes)
        {
            var response = await browser.GetAsync(PageRoutes.Concrete(route));
            if (response.StatusCode != HttpStatusCode.Redirect || response.Headers.Location?.AbsolutePath != "/Account/Login")
            {
                failures.Add($"{route}: {(int)response.StatusCode} {response.Headers.Location}");
            }
        }

        Assert.True(protectedRoutes.Count >= 6, $"Only {protectedRoutes.Count} protected pages found.");
        Assert.Empty(failures);
    }

    [Fact]
    public async Task LandingPageWelcomesVisitors()
    {
        var page = await app.CreateBrowser().GetPageAsync("/");

        Assert.Equal(HttpStatusCode.OK, page.Response.StatusCode);
        Assert.Contains("Create an account", page.Text, StringComparison.Ordinal);
    }
}
