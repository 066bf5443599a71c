using System.Net;
using TrustCheckIn.Tests.Infrastructure;
using Xunit.Abstractions;

namespace TrustCheckIn.Tests.Security;

public sealed class CsrfTests(TestApp app, ITestOutputHelper output) : IClassFixture<TestApp>
{
    // The status page renders the error of a refused POST when it is re-executed; it changes nothing.
    private static readonly string[] ExemptFromAntiforgery = ["POST /Status"];

    [Fact]
    public async Task EveryPostHandlerRefusesARequestWithoutAValidTokenAndChangesNothing()
    {
        var world = await SecurityWorld.BuildAsync(app);
        var handlers = (await PageRoutes.HandlersAsync(app.Services)).Where(h => h.Method == "POST").Select(h => h.Key).ToHashSet(StringComparer.Ordinal);
        // One row per handler: the first in which someone is allowed to use it.
        var rows = AccessTable.Cases.Where(c => c.IsPost && handlers.Contains(c.Handler) && Enum.GetValues<Actor>().Any(a => c.Expected(a) is 'o' or 'r' or 't'))
            .DistinctBy(c => c.Handler).ToList();
        var strangerToken = await SecurityWorld.TokenAsync(app.CreateBrowser(followRedirects: false), signedIn: false);
        var failures = new List<string>();
        var checkedHandlers = 0;

        foreach (var row in rows)
        {
            // Someone the table says may use the handler: the refusal must come from the missing token alone.
            var actor = Enum.GetValues<Actor>().First(a => row.Expected(a) is 'o' or 'r' or 't');
            var browser = world.Browser(actor);
            var othersToken = actor == Actor.PartnerA
                ? await SecurityWorld.TokenAsync(world.Browser(Actor.PartnerB), signedIn: true)
                : actor == Actor.Anonymous ? strangerToken : await SecurityWorld.TokenAsync(world.Browser(Actor.PartnerA), signedIn: true);
            var attempts = new Dictionary<string, FormUrlEncodedContent>
            {
                ["no token"] = new([new("Input.Text", "written by a forged form")]),
                ["someone else's token"] = new([new("__RequestVerificationToken", othersToken), new("Input.Text", "written by a forged form")]),
                ["a made-up token"] = new([new("__RequestVerificationToken", "CfDJ8-not-a-real-token"), new("Input.Text", "written by a forged form")]),
            };

            foreach (var (how, form) in attempts)
            {
                var before = DbFingerprint.Take(app);
                var response = await browser.PostAsync(row.Url(world), form);
                var changed = before.Differences(DbFingerprint.Take(app));

                var expected = ExemptFromAntiforgery.Contains(row.Handler) ? HttpStatusCode.OK : HttpStatusCode.BadRequest;
                if (response.StatusCode != expected || changed.Count > 0)
                {
                    failures.Add($"{row.Handler} as {actor} with {how}: {(int)response.StatusCode}, changed: {string.Join(", ", changed)}");
                }
            }

            checkedHandlers++;
        }

        output.WriteLine($"CSRF: {checkedHandlers} POST handlers checked, 3 forged requests each, {failures.Count} failures.");
        Assert.Equal(handlers.Count, checkedHandlers);
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public async Task NoGetHandlerChangesTheDatabase()
    {
        var world = await SecurityWorld.BuildAsync(app);
        var matrix = new MatrixRun(world);
        var before = DbFingerprint.Take(app);
        var accessLogBefore = DbFingerprint.Rows(app, "AccessLog");

        foreach (var row in AccessTable.Cases.Where(c => !c.IsPost))
        {
            foreach (var actor in Enum.GetValues<Actor>())
            {
                await matrix.CheckAsync(row, actor);
            }
        }

        // The access log is the one exception, and only by growing: every therapist view is written down.
        var changed = before.Differences(DbFingerprint.Take(app), "AccessLog");
        var accessLogAfter = DbFingerprint.Rows(app, "AccessLog");
        output.WriteLine($"GET: {matrix.Cells} requests, {accessLogAfter.Count - accessLogBefore.Count} therapist views logged.");
        Assert.True(changed.Count == 0, "GET requests changed: " + string.Join(", ", changed));
        Assert.Equal(accessLogBefore, accessLogAfter.Take(accessLogBefore.Count));
        Assert.True(accessLogAfter.Count > accessLogBefore.Count, "Therapist views were not logged.");
        Assert.Empty(matrix.Failures);
    }
}
