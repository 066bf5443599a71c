using System.Net;
using TrustCheckIn.Tests.Infrastructure;

namespace TrustCheckIn.Tests.Security;

public sealed class NoHandlerTests(TestApp app) : IClassFixture<TestApp>
{
    // A post with a valid token to a page that has no handler for it: an answer (404 or 405, or the 403 of a
    // folder a partner may not open at all), never a 500, and nothing saved.
    [Fact]
    public async Task EveryPageAnswersAPostItHasNoHandlerForAndChangesNothing()
    {
        var (a, _) = await app.CreateCoupleAsync();
        var browser = await app.SignInAsync(a, followRedirects: false);
        var token = await SecurityWorld.TokenAsync(browser, signedIn: true);
        var handlers = await PageRoutes.HandlersAsync(app.Services);
        var takesAnyPost = handlers.Where(h => h.Method == "POST" && h.Handler.Length == 0).Select(h => h.Page).ToHashSet(StringComparer.Ordinal);
        var pages = handlers.Where(h => h.Method == "GET" && !takesAnyPost.Contains(h.Page) && h.Route.StartsWith("/", StringComparison.Ordinal)
            && !h.Route.EndsWith(".ics", StringComparison.Ordinal)).DistinctBy(h => h.Page).ToList();
        var failures = new List<string>();

        foreach (var page in pages)
        {
            var before = DbFingerprint.Take(app);
            var response = await browser.PostAsync(PageRoutes.Concrete(page.Route), new FormUrlEncodedContent([new("__RequestVerificationToken", token), new("Input.Text", "posted to no handler")]));
            var changed = before.Differences(DbFingerprint.Take(app));
            if (response.StatusCode is not (HttpStatusCode.NotFound or HttpStatusCode.MethodNotAllowed or HttpStatusCode.Forbidden) || changed.Count > 0)
            {
                failures.Add($"POST {page.Route}: {(int)response.StatusCode}, changed: {string.Join(", ", changed)}");
            }
        }

        var history = await browser.PostAsync("/CheckIns/History", new FormUrlEncodedContent([new("__RequestVerificationToken", token)]));

        Assert.True(pages.Count > 20, $"only {pages.Count} pages without a plain POST handler were found");
        Assert.True(failures.Count == 0, string.Join("\n", failures));
        Assert.Equal(HttpStatusCode.MethodNotAllowed, history.StatusCode);
        Assert.Equal("GET, HEAD", string.Join(", ", history.Content.Headers.Allow));
    }
}
