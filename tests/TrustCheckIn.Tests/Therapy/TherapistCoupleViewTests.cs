using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TrustCheckIn.CheckIns;
using TrustCheckIn.Common;
using TrustCheckIn.Couples;
using TrustCheckIn.Data;
using TrustCheckIn.Expectations;
using TrustCheckIn.Feelings;
using TrustCheckIn.Journal;
using TrustCheckIn.Tests.Infrastructure;
using TrustCheckIn.Therapy;

namespace TrustCheckIn.Tests.Therapy;

public sealed class TherapistCoupleViewTests(TestApp app) : IClassFixture<TestApp>
{
    private sealed record Fixture(TestUser A, TestUser B, int CoupleId, HttpClient ABrowser, HttpClient BBrowser, HttpClient Therapist, Dictionary<string, string> Canaries);

    [Fact]
    public async Task ATherapistWithoutALinkGetsNotFoundAndTheAttemptIsLogged()
    {
        var (a, _) = await app.CreateCoupleAsync();
        var coupleId = await CoupleIdAsync(a);
        var (therapist, _, key) = await app.CreateTherapistAsync("Dr Stranger");
        var browser = await app.SignInWithTwoFactorAsync(therapist, key);

        var couplePage = await browser.GetAsync($"/Therapist/Couple/{coupleId}");
        var summary = await browser.GetAsync($"/Therapist/Summary/{coupleId}");

        Assert.Equal(HttpStatusCode.NotFound, couplePage.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, summary.StatusCode);
        Assert.Equal(2, await LogRowsAsync(coupleId, e => e.TherapistName == "Dr Stranger" && e.Shown == ConsentScope.None));
    }

    [Fact]
    public async Task LinkedWithoutConsentShowsNothing()
    {
        var f = await SeedAsync();

        var page = await f.Therapist.GetPageAsync($"/Therapist/Couple/{f.CoupleId}");

        Assert.NotNull(page.Document.QuerySelector("#nothing-shared"));
        AssertNoCanaries(page.Html, f.Canaries.Keys);
    }

    [Fact]
    public async Task CheckInConsentOfOnePartnerShowsOnlyTheirRevealedAnswers()
    {
        var f = await SeedAsync();
        await ConsentAsync(f.ABrowser, ("Input.CheckIns", "true"));

        var page = await f.Therapist.GetPageAsync($"/Therapist/Couple/{f.CoupleId}");

        Assert.Contains(f.Canaries.Single(c => c.Value == "a-checkin").Key, page.Html, StringComparison.Ordinal);
        AssertNoCanaries(page.Html, f.Canaries.Where(c => c.Value != "a-checkin").Select(c => c.Key));
    }

    [Fact]
    public async Task BothCheckInConsentsShowTheWeeksWherePartnersDiverge()
    {
        var f = await SeedAsync();
        await ConsentAsync(f.ABrowser, ("Input.CheckIns", "true"));
        await ConsentAsync(f.BBrowser, ("Input.CheckIns", "true"));

        var page = await f.Therapist.GetPageAsync($"/Therapist/Couple/{f.CoupleId}");
        var dashboard = await f.Therapist.GetPageAsync("/Therapist");

        Assert.Contains("Trust", page.Document.QuerySelector("#divergent-weeks")!.TextContent, StringComparison.Ordinal);
        Assert.Contains(f.Canaries.Single(c => c.Value == "b-checkin").Key, page.Html, StringComparison.Ordinal);
        AssertNoCanaries(dashboard.Html, f.Canaries.Keys);
    }

    [Fact]
    public async Task TheDashboardShowsEachQuestionOnItsOwnAndNeverABlendOfThem()
    {
        var f = await SeedAsync();
        await ConsentAsync(f.ABrowser, ("Input.CheckIns", "true"));
        await ConsentAsync(f.BBrowser, ("Input.CheckIns", "true"));

        var dashboard = await f.Therapist.GetPageAsync("/Therapist");

        // A answered 5, 4, 4, 4, 4 and B 2, 4, 4, 4, 4: trust is one row with 5 and 2, and no 4.2 or 3.6 anywhere.
        var rows = dashboard.Document.QuerySelectorAll(".dashboard-trend tbody tr").ToList();
        Assert.Equal(CheckInDimensions.All.Select(d => d.Label()), rows.Select(r => r.QuerySelector("th")!.TextContent.Trim()));
        var trust = rows[0].QuerySelectorAll("td").Select(c => c.QuerySelector(".trend-answers")!.TextContent).ToList();
        Assert.Equal(["5", "2"], trust);
        var text = dashboard.Document.QuerySelector("main")!.TextContent;
        Assert.DoesNotContain("4.2", text, StringComparison.Ordinal);
        Assert.DoesNotContain("3.6", text, StringComparison.Ordinal);
        Assert.DoesNotContain("verage", text, StringComparison.Ordinal);
        Assert.Contains("trust differently", dashboard.Document.QuerySelector(".needs-a-look")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FeelingAndJournalConsentShowOnlySharedAndShareableItems()
    {
        var f = await SeedAsync();
        await ConsentAsync(f.ABrowser, ("Input.Feelings", "true"), ("Input.Journal", "true"));

        var page = await f.Therapist.GetPageAsync($"/Therapist/Couple/{f.CoupleId}");

        Assert.Contains(f.Canaries.Single(c => c.Value == "a-feeling-shared").Key, page.Html, StringComparison.Ordinal);
        Assert.Contains(f.Canaries.Single(c => c.Value == "a-journal-shareable").Key, page.Html, StringComparison.Ordinal);
        AssertNoCanaries(page.Html, f.Canaries.Where(c => c.Value is not ("a-feeling-shared" or "a-journal-shareable")).Select(c => c.Key));
    }

    [Fact]
    public async Task TheCouplePageShowsTheRecentWeeksAndASummaryReachesFurtherBack()
    {
        var f = await SeedAsync();
        await ConsentAsync(f.ABrowser, ("Input.Feelings", "true"), ("Input.Journal", "true"));
        var earlier = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(app.Clock.GetUtcNow().AddDays(-7 * (TherapistReadingService.RecentWeeks + 2)));
        var oldEntry = $"CanaryOldJournal{Guid.NewGuid():N}";
        await app.WithServiceAsync<Result<int>, JournalService>(earlier, journal => journal.CreateAsync(f.A.Id, new JournalService.EntryInput(null, oldEntry, true)));
        var today = DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime);

        var page = await f.Therapist.GetPageAsync($"/Therapist/Couple/{f.CoupleId}");
        var summary = await f.Therapist.GetPageAsync($"/Therapist/Summary/{f.CoupleId}?From={today.AddDays(-7 * (TherapistReadingService.RecentWeeks + 4)):yyyy-MM-dd}&To={today:yyyy-MM-dd}");

        Assert.Contains(f.Canaries.Single(c => c.Value == "a-journal-shareable").Key, page.Html, StringComparison.Ordinal);
        Assert.DoesNotContain(oldEntry, page.Html, StringComparison.Ordinal);
        Assert.Contains($"the last {TherapistReadingService.RecentWeeks} weeks", page.Document.QuerySelector("#recent-period")!.TextContent, StringComparison.Ordinal);
        Assert.Contains(oldEntry, summary.Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheExpectationsTableNeedsBothPartnersConsent()
    {
        var f = await SeedAsync();
        var expectation = f.Canaries.Single(c => c.Value == "expectation").Key;
        await ConsentAsync(f.ABrowser, ("Input.Expectations", "true"));

        var oneConsent = await f.Therapist.GetPageAsync($"/Therapist/Couple/{f.CoupleId}");
        await ConsentAsync(f.BBrowser, ("Input.Expectations", "true"));
        var bothConsent = await f.Therapist.GetPageAsync($"/Therapist/Couple/{f.CoupleId}");

        Assert.DoesNotContain(expectation, oneConsent.Html, StringComparison.Ordinal);
        Assert.Contains(expectation, bothConsent.Html, StringComparison.Ordinal);
        Assert.Contains("Done once in the last 4 weeks", bothConsent.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RevokingHidesEverythingOnTheTherapistsNextRequest()
    {
        var f = await SeedAsync();
        await ConsentAsync(f.ABrowser, ("Input.CheckIns", "true"), ("Input.Feelings", "true"), ("Input.Journal", "true"));
        var before = await f.Therapist.GetPageAsync($"/Therapist/Couple/{f.CoupleId}");

        await f.ABrowser.SubmitAsync(await f.ABrowser.GetPageAsync("/Couple/Therapist"), "#revoke-consent-form");
        var after = await f.Therapist.GetPageAsync($"/Therapist/Couple/{f.CoupleId}");

        Assert.Contains(f.Canaries.Single(c => c.Value == "a-checkin").Key, before.Html, StringComparison.Ordinal);
        AssertNoCanaries(after.Html, f.Canaries.Keys);
    }

    [Fact]
    public async Task EveryViewWritesExactlyOneLogRowWithoutEntryTextAndPartnersCanReadIt()
    {
        var f = await SeedAsync();
        await ConsentAsync(f.ABrowser, ("Input.CheckIns", "true"));
        var rowsBefore = await LogRowsAsync(f.CoupleId, _ => true);

        await f.Therapist.GetAsync($"/Therapist/Couple/{f.CoupleId}");
        var afterOne = await LogRowsAsync(f.CoupleId, _ => true);
        await f.Therapist.GetAsync($"/Therapist/Summary/{f.CoupleId}");
        var afterTwo = await LogRowsAsync(f.CoupleId, _ => true);
        var partnerLog = await f.BBrowser.GetPageAsync("/Couple/Therapist");
        List<string> logText;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            logText = await scope.ServiceProvider.GetRequiredService<AppDbContext>().AccessLog
                .Where(e => e.CoupleId == f.CoupleId).Select(e => e.TherapistName + "|" + e.Kind + "|" + e.Shown).ToListAsync();
        }

        Assert.Equal(rowsBefore + 1, afterOne);
        Assert.Equal(rowsBefore + 2, afterTwo);
        Assert.Contains("Opened the printable summary: weekly check-ins", partnerLog.Document.QuerySelector("#access-log-table")!.TextContent, StringComparison.Ordinal);
        AssertNoCanaries(string.Join("\n", logText), f.Canaries.Keys);
    }

    [Fact]
    public async Task TheSummaryStatesWhatEachPartnerConsentedToAndCoversTheRange()
    {
        var f = await SeedAsync();
        await ConsentAsync(f.ABrowser, ("Input.CheckIns", "true"));
        var today = DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime);

        var summary = await f.Therapist.GetPageAsync($"/Therapist/Summary/{f.CoupleId}?From={today.AddDays(-60):yyyy-MM-dd}&To={today:yyyy-MM-dd}");
        var empty = await f.Therapist.GetPageAsync($"/Therapist/Summary/{f.CoupleId}?From={today.AddYears(-3):yyyy-MM-dd}&To={today.AddYears(-2):yyyy-MM-dd}");

        Assert.Contains("Ana shares weekly check-ins (consent given", summary.Document.QuerySelector(".summary-header")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Ben shares nothing", summary.Document.QuerySelector(".summary-header")!.TextContent, StringComparison.Ordinal);
        Assert.Contains(f.Canaries.Single(c => c.Value == "a-checkin").Key, summary.Html, StringComparison.Ordinal);
        Assert.DoesNotContain(f.Canaries.Single(c => c.Value == "a-checkin").Key, empty.Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AWeekNotYetRevealedIsSaidSoAndShowsNothingOfIt()
    {
        var f = await SeedAsync(bothCheckIn: false);
        await ConsentAsync(f.ABrowser, ("Input.CheckIns", "true"));

        var summary = await f.Therapist.GetPageAsync($"/Therapist/Summary/{f.CoupleId}");
        var couple = await f.Therapist.GetPageAsync($"/Therapist/Couple/{f.CoupleId}");

        foreach (var page in new[] { summary, couple })
        {
            Assert.Contains("not yet revealed", page.Document.QuerySelector("#week-not-revealed")!.TextContent, StringComparison.Ordinal);
            Assert.DoesNotContain("No shared check-ins in this period", page.Text, StringComparison.Ordinal);
            Assert.DoesNotContain(f.Canaries.Single(c => c.Value == "a-checkin").Key, page.Html, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task TheAccessLogAndTheSummaryStampAreOnTheCouplesClockWithTheZoneNamed()
    {
        var f = await SeedAsync();
        await app.WithServiceAsync<Result, CoupleService>(c => c.ChangeScheduleAsync(f.A.Id, new CheckInSchedule("Asia/Tokyo", DayOfWeek.Sunday)));
        f.BBrowser.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en-GB");
        f.Therapist.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en-GB");

        var summary = await f.Therapist.GetPageAsync($"/Therapist/Summary/{f.CoupleId}");
        var log = await f.BBrowser.GetPageAsync("/Couple/Therapist");
        DateTime at;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            at = await scope.ServiceProvider.GetRequiredService<AppDbContext>().AccessLog
                .Where(e => e.CoupleId == f.CoupleId).OrderByDescending(e => e.Id).Select(e => e.At).FirstAsync();
        }

        var tokyo = TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(at, DateTimeKind.Utc), TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo"));
        var table = log.Document.QuerySelector("#access-log-table")!;
        Assert.Contains("Tokyo time", table.QuerySelector("caption")!.TextContent, StringComparison.Ordinal);
        Assert.Contains(tokyo.ToString("HH:mm", CultureInfo.GetCultureInfo("en-GB")), table.QuerySelector("tbody tr td")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Tokyo time", summary.Document.QuerySelector("#consent-stamp")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("UTC", summary.Document.QuerySelector("#consent-stamp")!.TextContent, StringComparison.Ordinal);
    }

    // A couple with one entry of every kind, each carrying its own canary, last week's check-ins revealed,
    // linked to a therapist signed in with two-step sign-in. Nobody has consented yet.
    private async Task<Fixture> SeedAsync(bool bothCheckIn = true)
    {
        var (a, b) = await app.CreateCoupleAsync("Ana", "Ben");
        var canaries = new Dictionary<string, string>();
        string Canary(string name)
        {
            var value = $"Canary{name.Replace("-", "", StringComparison.Ordinal)}{Guid.NewGuid():N}";
            canaries[value] = name;
            return value;
        }

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var services = scope.ServiceProvider;
            var checkIns = services.GetRequiredService<CheckInService>();
            var week = (await checkIns.GetThisWeekAsync(a.Id))!.Week;
            await checkIns.SubmitAsync(a.Id, week.Key, new CheckInAnswers(new Ratings(5, 4, 4, 4, 4), Canary("a-checkin"), null, null));
            if (bothCheckIn)
            {
                await checkIns.SubmitAsync(b.Id, week.Key, new CheckInAnswers(new Ratings(2, 4, 4, 4, 4), Canary("b-checkin"), null, null));
            }

            var feelings = services.GetRequiredService<FeelingService>();
            var shared = await feelings.SaveDraftAsync(a.Id, new FeelingWords("hopeful", Canary("a-feeling-shared"), null));
            await feelings.ShareAsync(a.Id, shared.Value);
            await feelings.SaveDraftAsync(a.Id, new FeelingWords("worried", Canary("a-feeling-draft"), null));
            var bShared = await feelings.SaveDraftAsync(b.Id, new FeelingWords("tired", Canary("b-feeling-shared"), null));
            await feelings.ShareAsync(b.Id, bShared.Value);
            var journal = services.GetRequiredService<JournalService>();
            await journal.CreateAsync(a.Id, new JournalService.EntryInput(null, Canary("a-journal-shareable"), true));
            await journal.CreateAsync(a.Id, new JournalService.EntryInput(null, Canary("a-journal-private"), false));
            await journal.CreateAsync(b.Id, new JournalService.EntryInput(null, Canary("b-journal-shareable"), true));
            var expectations = services.GetRequiredService<ExpectationService>();
            var row = await expectations.AddAsync(a.Id, new ExpectationContent(Canary("expectation"), "Share plans each morning", ExpectationFrequency.Daily, null));
            await services.GetRequiredService<FollowThroughService>().RecordFollowThroughAsync(b.Id, row.Value, Canary("follow-through-note"));
        }

        var (therapist, code, key) = await app.CreateTherapistAsync("Dr Rivers");
        var aBrowser = await app.SignInAsync(a);
        await aBrowser.SubmitAsync(await aBrowser.GetPageAsync("/Couple/Therapist"), "#link-therapist-form", new() { ["Link.Code"] = code });
        return new Fixture(a, b, await CoupleIdAsync(a), aBrowser, await app.SignInAsync(b), await app.SignInWithTwoFactorAsync(therapist, key), canaries);
    }

    private static async Task ConsentAsync(HttpClient partner, params (string Field, string Value)[] scopes)
    {
        var values = scopes.ToDictionary(s => s.Field, s => s.Value);
        values["Input.Start"] = "AllHistory";
        await partner.SubmitAsync(await partner.GetPageAsync("/Couple/Therapist"), "#consent-form", values);
    }

    private async Task<int> CoupleIdAsync(TestUser user) =>
        (await app.WithServiceAsync<TrustCheckIn.Couples.CoupleService.CoupleView?, TrustCheckIn.Couples.CoupleService>(c => c.GetActiveAsync(user.Id)))!.Id;

    private async Task<int> LogRowsAsync(int coupleId, System.Linq.Expressions.Expression<Func<AccessLogEntry, bool>> filter)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().AccessLog.Where(e => e.CoupleId == coupleId).Where(filter).CountAsync();
    }

    private static void AssertNoCanaries(string text, IEnumerable<string> canaries)
    {
        foreach (var canary in canaries)
        {
            Assert.DoesNotContain(canary, text, StringComparison.Ordinal);
        }
    }
}
