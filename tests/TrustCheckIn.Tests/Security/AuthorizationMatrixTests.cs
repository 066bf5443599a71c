using System.Net;
using TrustCheckIn.Tests.Infrastructure;
using Xunit.Abstractions;

namespace TrustCheckIn.Tests.Security;

public sealed class AuthorizationMatrixTests(TestApp app, ITestOutputHelper output) : IClassFixture<TestApp>
{
    [Fact]
    public async Task EveryHandlerOfEveryPageHasARowAndEveryRowNamesARealHandler()
    {
        var discovered = (await PageRoutes.HandlersAsync(app.Services)).Select(h => h.Key).ToHashSet(StringComparer.Ordinal);
        var inTable = AccessTable.Cases.Select(c => c.Handler).ToHashSet(StringComparer.Ordinal);

        var missing = discovered.Except(inTable).Order(StringComparer.Ordinal).ToList();
        var stale = inTable.Except(discovered).Order(StringComparer.Ordinal).ToList();
        var malformed = AccessTable.Cases.Where(c => c.Outcomes.Replace(" ", "", StringComparison.Ordinal).Length != Enum.GetValues<Actor>().Length).Select(c => c.Handler).ToList();

        Assert.True(discovered.Count >= 100, $"Only {discovered.Count} handlers found.");
        Assert.True(missing.Count == 0, "Handlers without a row in AccessTable: " + string.Join(", ", missing));
        Assert.True(stale.Count == 0, "Rows for handlers that no longer exist: " + string.Join(", ", stale));
        Assert.Empty(malformed);
    }

    [Fact]
    public async Task EveryActorGetsTheExpectedOutcomeOnEveryHandlerAndSeesOnlyWhatTheyMay()
    {
        var world = await SecurityWorld.BuildAsync(app);
        var matrix = new MatrixRun(world);

        foreach (var row in AccessTable.Cases.Where(c => !c.IsPost))
        {
            foreach (var actor in Enum.GetValues<Actor>())
            {
                await matrix.CheckAsync(row, actor);
            }
        }

        // Refused writes first: together they must leave every table exactly as it was.
        var before = DbFingerprint.Take(app);
        foreach (var row in AccessTable.Cases.Where(c => c.IsPost))
        {
            foreach (var actor in Enum.GetValues<Actor>().Where(a => !AccessCase.Allows(row.Expected(a))))
            {
                await matrix.CheckAsync(row, actor);
            }
        }

        var refusedChanged = before.Differences(DbFingerprint.Take(app));

        foreach (var row in AccessTable.Cases.Where(c => c.IsPost).OrderBy(c => c.Stage))
        {
            foreach (var actor in Enum.GetValues<Actor>().Where(a => AccessCase.Allows(row.Expected(a))))
            {
                await matrix.CheckAsync(row, actor, freshSession: row.Stage == Stage.EndsSession);
            }
        }

        var unseen = matrix.UnseenByThoseWhoMay();
        output.WriteLine($"Authorization matrix: {matrix.Cells} cells checked ({AccessTable.Cases.Count} rows × {Enum.GetValues<Actor>().Length} actors), {world.Canaries.Count} canaries scanned in every response, {matrix.Leaks.Count} leaks.");
        foreach (var line in matrix.Failures.Concat(matrix.Leaks).Concat(unseen).Concat(refusedChanged))
        {
            output.WriteLine(line);
        }

        Assert.True(matrix.Failures.Count == 0, $"{matrix.Failures.Count} cells differ from AccessTable:\n" + string.Join("\n", matrix.Failures));
        Assert.True(matrix.Leaks.Count == 0, "Canaries leaked:\n" + string.Join("\n", matrix.Leaks));
        Assert.True(refusedChanged.Count == 0, "Refused POSTs changed the database: " + string.Join(", ", refusedChanged));
        Assert.True(unseen.Count == 0, "The fixture is not proving anything for:\n" + string.Join("\n", unseen));
    }
}

// Runs cells of the matrix: sends the request as the actor, compares the outcome, scans the whole response.
public sealed class MatrixRun(SecurityWorld world)
{
    private readonly Dictionary<Actor, string> tokens = [];
    private readonly Dictionary<Actor, HashSet<string>> seen = [];
    private readonly Dictionary<Actor, HttpClient> browsers = new(world.Browsers);

    public int Cells { get; private set; }

    public List<string> Failures { get; } = [];

    public List<string> Leaks { get; } = [];

    public static string OutcomeOf(HttpResponseMessage response) => response.StatusCode switch
    {
        HttpStatusCode.OK => "o",
        HttpStatusCode.Redirect or HttpStatusCode.RedirectMethod when SecurityWorld.IsRedirectTo(response, "/Account/Login") => "L",
        HttpStatusCode.Redirect or HttpStatusCode.RedirectMethod when SecurityWorld.IsRedirectTo(response, "/Account/Manage/TwoFactor") => "2",
        HttpStatusCode.Redirect or HttpStatusCode.RedirectMethod => "r",
        HttpStatusCode.Forbidden => "F",
        HttpStatusCode.NotFound => "N",
        HttpStatusCode.BadRequest => "B",
        _ => ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    public async Task CheckAsync(AccessCase row, Actor actor, bool freshSession = false)
    {
        if (freshSession && actor != Actor.Anonymous)
        {
            browsers[actor] = await world.SignInAgainAsync(actor);
            tokens.Remove(actor);
        }

        var url = row.Url(world);
        var response = await SendAsync(row, actor, url);
        var body = await response.Content.ReadAsStringAsync();
        Cells++;

        var outcome = OutcomeOf(response);
        if (outcome != AccessCase.Response(row.Expected(actor)).ToString())
        {
            Failures.Add($"{row.Handler} {url} as {actor}: expected {row.Expected(actor)}, got {outcome} {response.Headers.Location}");
        }

        var whole = body + "\n" + response.Headers + "\n" + response.Content.Headers;
        foreach (var canary in world.Canaries.Where(c => whole.Contains(c.Text, StringComparison.Ordinal)))
        {
            if (!canary.MaySee.Contains(actor))
            {
                Leaks.Add($"{canary.Name} reached {actor} through {row.Handler} {url}");
            }

            (seen.TryGetValue(actor, out var set) ? set : seen[actor] = []).Add(canary.Name);
        }
    }

    // What the consented therapist's couple page must show: each partner's check-in, a shared statement,
    // a shareable journal entry and the joint table (both partners consented to everything).
    private static readonly string[] ShownToTherapist = ["CheckInA", "CheckInB", "FeelingSharedA", "JournalShareableA", "ExpectationNeed"];

    // Each canary must reach its author and the partner it is shared with somewhere, or its absence elsewhere proves nothing.
    public IReadOnlyList<string> UnseenByThoseWhoMay() => world.Canaries
        .SelectMany(c => c.MaySee.Where(a => a is Actor.PartnerA or Actor.PartnerB or Actor.OtherCouple
                || (a == Actor.TherapistWithConsent && ShownToTherapist.Contains(c.Name)))
            .Select(a => (Canary: c, Actor: a)))
        .Where(x => !seen.GetValueOrDefault(x.Actor, []).Contains(x.Canary.Name))
        .Select(x => $"{x.Canary.Name} never reached {x.Actor}")
        .ToList();

    private async Task<HttpResponseMessage> SendAsync(AccessCase row, Actor actor, string url)
    {
        var browser = browsers[actor];
        if (!row.IsPost)
        {
            return await browser.GetAsync(url);
        }

        if (!tokens.TryGetValue(actor, out var token))
        {
            token = tokens[actor] = await SecurityWorld.TokenAsync(browser, actor != Actor.Anonymous);
        }

        return await browser.PostAsync(url, new FormUrlEncodedContent([new("__RequestVerificationToken", token)]));
    }
}
