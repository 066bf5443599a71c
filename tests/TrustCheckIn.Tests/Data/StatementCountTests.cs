using TrustCheckIn.Tests.Infrastructure;
using TrustCheckIn.Tests.Security;

namespace TrustCheckIn.Tests.Data;

// How many SQL statements a page costs, the session check included: a page that reads its state in many small
// round trips shows here first (the benchmark measures what they cost).
public sealed class StatementCountTests(TestApp app) : IClassFixture<TestApp>
{
    private async Task<int> StatementsOfAsync(HttpClient browser, string url)
    {
        var page = await browser.GetPageAsync(url);
        Assert.Equal(url, page.Url.PathAndQuery);
        return SqlCapture.RequestsOn(app.StatementsKey).Last(r => r.Page == $"GET {url}").Statements.Count;
    }

    [Fact]
    public async Task PartnerPagesRunAtMostFiveStatementsAndTherapistPagesAtMostEight()
    {
        var world = await SecurityWorld.BuildAsync(app);
        var partner = world.Browser(Actor.PartnerA);
        var therapist = world.Browser(Actor.TherapistWithConsent);
        var counts = new Dictionary<string, int>();
        foreach (var url in new[] { "/", "/CheckIns", "/CheckIns/History", "/Expectations", "/Feelings", "/Feelings?list=SharedByMe", "/Feelings?list=SharedWithMe", "/Journal", "/Notifications" })
        {
            counts[url] = await StatementsOfAsync(partner, url);
        }

        foreach (var url in new[] { "/Therapist", $"/Therapist/Couple/{world.CoupleId}" })
        {
            counts[url] = await StatementsOfAsync(therapist, url);
        }

        var tooMany = counts.Where(c => c.Value > (c.Key.StartsWith("/Therapist", StringComparison.Ordinal) ? 8 : 5)).ToList();
        Assert.True(tooMany.Count == 0, "Too many statements: " + string.Join(", ", tooMany.Select(c => $"{c.Key} {c.Value}"))
            + "\n" + string.Join("\n", tooMany.SelectMany(c => SqlCapture.RequestsOn(app.StatementsKey).Last(r => r.Page == $"GET {c.Key}").Statements.Select(s => $"{c.Key}: {s.Sql.ReplaceLineEndings(" ")}"))));
    }
}
