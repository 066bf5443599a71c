using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TrustCheckIn.Couples;
using TrustCheckIn.Data;
using TrustCheckIn.Feelings;
using TrustCheckIn.Notifications;
using TrustCheckIn.Tests.Infrastructure;
using TrustCheckIn.Therapy;

namespace TrustCheckIn.Tests.Therapy;

public sealed class AgendaAndPracticeTests(TestApp app) : IClassFixture<TestApp>
{
    private sealed record Fixture(TestUser A, TestUser B, TestUser Therapist, int CoupleId, HttpClient ABrowser, HttpClient BBrowser, HttpClient TherapistBrowser);

    [Fact]
    public async Task AnAgendaItemReachesTheTherapistOnlyWithItsAuthorsConsentAndARevokeHidesIt()
    {
        var f = await SeedAsync();
        var fromA = $"CanaryAgendaA{Guid.NewGuid():N}";
        var fromB = $"CanaryAgendaB{Guid.NewGuid():N}";
        await AddAgendaAsync(f.ABrowser, fromA);
        await AddAgendaAsync(f.BBrowser, fromB);

        var beforeConsent = await f.TherapistBrowser.GetPageAsync($"/Therapist/Session/{f.CoupleId}");
        await ShareAsync(f.ABrowser, "Agenda");
        var session = await f.TherapistBrowser.GetPageAsync($"/Therapist/Session/{f.CoupleId}");
        var dashboard = await f.TherapistBrowser.GetPageAsync("/Therapist");
        var partnerView = await f.BBrowser.GetPageAsync("/Couple/Agenda");
        await f.ABrowser.SubmitAsync(await f.ABrowser.GetPageAsync("/Couple/Therapist"), "#revoke-consent-form");
        var afterRevoke = await f.TherapistBrowser.GetPageAsync($"/Therapist/Session/{f.CoupleId}");

        Assert.DoesNotContain(fromA, beforeConsent.Html, StringComparison.Ordinal);
        Assert.Contains(fromA, session.Html, StringComparison.Ordinal);
        Assert.DoesNotContain(fromB, session.Html, StringComparison.Ordinal);
        Assert.Contains(fromA, dashboard.Document.QuerySelector(".agenda-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Needs a look: something new on their agenda", dashboard.Html, StringComparison.Ordinal);
        Assert.DoesNotContain(fromB, dashboard.Html, StringComparison.Ordinal);
        Assert.Contains(fromA, partnerView.Document.QuerySelector("#agenda-open")!.TextContent, StringComparison.Ordinal);
        Assert.Contains(fromB, partnerView.Document.QuerySelector("#agenda-open")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain(fromA, afterRevoke.Html, StringComparison.Ordinal);
        Assert.Equal(1, await NotificationsAsync(f.B.Id, NotificationKind.AgendaItemAdded));
    }

    [Fact]
    public async Task TheTherapistMarksAnItemTalkedAboutAndOnlyItsAuthorTakesItOff()
    {
        var f = await SeedAsync();
        var words = $"CanaryAgenda{Guid.NewGuid():N}";
        await AddAgendaAsync(f.ABrowser, words);
        await AddAgendaAsync(f.BBrowser, "Not shared with the therapist");
        await ShareAsync(f.ABrowser, "Agenda");
        var (itemOfA, itemOfB) = await app.WithDbAsync(async db => (
            await db.AgendaItems.Where(a => a.AuthorId == f.A.Id).Select(a => a.Id).SingleAsync(),
            await db.AgendaItems.Where(a => a.AuthorId == f.B.Id).Select(a => a.Id).SingleAsync()));

        var session = await f.TherapistBrowser.GetPageAsync($"/Therapist/Session/{f.CoupleId}");
        var marked = await f.TherapistBrowser.SubmitAndReadAsync(session, "#session-agenda form");
        var unsharedMark = await f.TherapistBrowser.PostWithTokenOfAsync(session, $"/Therapist/Session/{f.CoupleId}?handler=TalkedAbout&itemId={itemOfB}");
        var agendaOfA = await f.ABrowser.GetPageAsync("/Couple/Agenda");
        var removeByB = await f.BBrowser.PostWithTokenOfAsync(await f.BBrowser.GetPageAsync("/Couple/Agenda"), $"/Couple/Agenda?handler=Remove&id={itemOfA}");

        Assert.Contains("Marked as talked about", marked.Text, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, unsharedMark.StatusCode);
        Assert.Contains(words, agendaOfA.Document.QuerySelector("#agenda-talked-about")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, removeByB.StatusCode);
        var item = await app.WithDbAsync(db => db.AgendaItems.SingleAsync(a => a.Id == itemOfA));
        Assert.Equal(words, item.Text);
        Assert.NotNull(item.TalkedAboutAt);
        Assert.Null(await app.WithDbAsync(db => db.AgendaItems.Where(a => a.Id == itemOfB).Select(a => a.TalkedAboutAt).SingleAsync()));
        Assert.Equal(1, await app.WithDbAsync(db => db.AccessLog.CountAsync(e => e.CoupleId == f.CoupleId && e.Kind == AccessKind.AgendaTalkedAbout && e.Shown == ConsentScope.Agenda)));
    }

    [Fact]
    public async Task APracticeNeedsBothPartnersConsentThenShowsOnBothHomesAndTheTherapistSeesWhoDidIt()
    {
        var f = await SeedAsync();
        await ShareAsync(f.ABrowser, "Practice");
        var oneSided = await f.TherapistBrowser.GetPageAsync($"/Therapist/Session/{f.CoupleId}");
        var refused = await f.TherapistBrowser.PostWithTokenOfAsync(await f.TherapistBrowser.GetPageAsync($"/Therapist/Ask/{f.CoupleId}"), $"/Therapist/Session/{f.CoupleId}?handler=Suggest", new() { ["Input.Kind"] = "TwoFeelings" });
        await ShareAsync(f.BBrowser, "Practice");

        var words = $"CanaryPractice{Guid.NewGuid():N}";
        var suggested = await SuggestAsync(f, "OwnWords", words, null);
        var homeA = await f.ABrowser.GetPageAsync("/");
        var homeB = await f.BBrowser.GetPageAsync("/");
        await f.ABrowser.SubmitAsync(homeA, "#home-practice form");
        var line = $"CanaryLine{Guid.NewGuid():N}";
        var practicePageB = await f.BBrowser.GetPageAsync("/Couple/Practice");
        await f.BBrowser.SubmitAsync(practicePageB, "#practice-list form", new() { ["Input.Line"] = line });
        var homeAfterDone = await f.ABrowser.GetPageAsync("/");
        var session = await f.TherapistBrowser.GetPageAsync($"/Therapist/Session/{f.CoupleId}");
        await f.BBrowser.SubmitAsync(await f.BBrowser.GetPageAsync("/Couple/Therapist"), "#revoke-consent-form");
        var afterRevoke = await f.TherapistBrowser.GetPageAsync($"/Therapist/Session/{f.CoupleId}");

        Assert.NotNull(oneSided.Document.QuerySelector("#practice-needs-consent"));
        Assert.Contains("Both partners need to share practice", (await HtmlPage.ReadAsync(refused)).Html, StringComparison.Ordinal);
        Assert.Contains("Suggested.", suggested.Text, StringComparison.Ordinal);
        Assert.Contains(words, homeA.Document.QuerySelector("#home-practice")!.TextContent, StringComparison.Ordinal);
        Assert.Contains(words, homeB.Document.QuerySelector("#home-practice")!.TextContent, StringComparison.Ordinal);
        Assert.Null(homeAfterDone.Document.QuerySelector("#home-practice"));
        var outcome = session.Document.QuerySelector("#session-practice")!.TextContent;
        Assert.Contains($"{f.A.DisplayName}: done", outcome, StringComparison.Ordinal);
        Assert.Contains($"{f.B.DisplayName}: not yet", outcome, StringComparison.Ordinal);
        Assert.Contains(line, outcome, StringComparison.Ordinal);
        Assert.DoesNotContain(words, afterRevoke.Html, StringComparison.Ordinal);
        Assert.DoesNotContain(line, afterRevoke.Html, StringComparison.Ordinal);
        Assert.Equal(1, await app.WithDbAsync(db => db.Practices.CountAsync(p => p.CoupleId == f.CoupleId)));
        Assert.Equal(1, await app.WithDbAsync(db => db.AccessLog.CountAsync(e => e.CoupleId == f.CoupleId && e.Kind == AccessKind.PracticeSuggested)));
        Assert.Equal(1, await NotificationsAsync(f.A.Id, NotificationKind.PracticeSuggested));
        Assert.Equal(1, await NotificationsAsync(f.B.Id, NotificationKind.PracticeSuggested));
    }

    [Fact]
    public async Task BadInputIsSaidNextToTheFieldAndKeepsWhatWasTyped()
    {
        var f = await SeedAsync();
        await ShareAsync(f.ABrowser, "Practice");
        await ShareAsync(f.BBrowser, "Practice");

        var noWords = await SuggestAsync(f, "OwnWords", "", null);
        var past = await SuggestAsync(f, "TwoFeelings", "Kept note", DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime).AddDays(-3));
        var emptyAgenda = await f.ABrowser.SubmitAndReadAsync(await f.ABrowser.GetPageAsync("/Couple/Agenda"), "#agenda-form", new() { ["Input.Text"] = " " });
        var longAgenda = await f.ABrowser.SubmitAndReadAsync(await f.ABrowser.GetPageAsync("/Couple/Agenda"), "#agenda-form", new() { ["Input.Text"] = new string('a', AgendaItem.TextMaxLength + 1) });

        Assert.Contains("own words", noWords.Document.QuerySelector("[data-valmsg-for='Input.Text']")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("That day has passed", past.Document.QuerySelector("[data-valmsg-for='Input.DueOn']")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Kept note", past.Document.QuerySelector("textarea[name='Input.Text']")!.TextContent);
        Assert.Contains("Please write", emptyAgenda.Document.QuerySelector("[data-valmsg-for='Input.Text']")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("500 characters", longAgenda.Document.QuerySelector("[data-valmsg-for='Input.Text']")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(AgendaItem.TextMaxLength + 1, longAgenda.Document.QuerySelector("textarea[name='Input.Text']")!.TextContent.Length);
        Assert.Equal(0, await app.WithDbAsync(db => db.Practices.CountAsync(p => p.CoupleId == f.CoupleId)));
        Assert.Equal(0, await app.WithDbAsync(db => db.AgendaItems.CountAsync(a => a.CoupleId == f.CoupleId)));
    }

    [Fact]
    public async Task TheSummaryCarriesTheAgendaAndPracticeOutcomesAndSaysPausedWeeks()
    {
        var f = await SeedAsync();
        await ShareAsync(f.ABrowser, "CheckIns", "Agenda", "Practice");
        await ShareAsync(f.BBrowser, "CheckIns", "Practice");
        var words = $"CanaryAgenda{Guid.NewGuid():N}";
        await AddAgendaAsync(f.ABrowser, words);
        await SuggestAsync(f, "ReviewExpectations", null, null);
        await f.BBrowser.SubmitAsync(await f.BBrowser.GetPageAsync("/Couple/Practice"), "#practice-list form", new() { ["Input.Done"] = "true" });
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var pauses = scope.ServiceProvider.GetRequiredService<PauseService>();
            await pauses.ProposeAsync(f.A.Id, 2);
            var pauseId = await scope.ServiceProvider.GetRequiredService<AppDbContext>().CouplePauses.Where(p => p.CoupleId == f.CoupleId).Select(p => p.Id).SingleAsync();
            await pauses.AnswerAsync(f.B.Id, pauseId, accept: true);
        }

        var summary = await f.TherapistBrowser.GetPageAsync($"/Therapist/Summary/{f.CoupleId}");
        var couple = await f.TherapistBrowser.GetPageAsync($"/Therapist/Couple/{f.CoupleId}");

        Assert.Contains(words, summary.Document.QuerySelector("#session-agenda")!.TextContent, StringComparison.Ordinal);
        var practice = summary.Document.QuerySelector("#session-practice")!.TextContent;
        Assert.Contains("Review your expectations table together", practice, StringComparison.Ordinal);
        Assert.Contains($"{f.B.DisplayName}: done", practice, StringComparison.Ordinal);
        Assert.Contains($"{f.A.DisplayName}: not yet", practice, StringComparison.Ordinal);
        Assert.NotNull(couple.Document.QuerySelector("#weeks-paused"));
        Assert.Null(couple.Document.QuerySelector("#week-not-revealed"));
        Assert.Equal(1, await app.WithDbAsync(db => db.AccessLog.CountAsync(e => e.CoupleId == f.CoupleId && e.Kind == AccessKind.Summary)));
    }

    [Fact]
    public async Task TheDashboardCountsStatementsWaitingAndFollowThroughOnlyWithinConsent()
    {
        var f = await SeedAsync();
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var feelings = scope.ServiceProvider.GetRequiredService<FeelingService>();
            var draft = await feelings.SaveDraftAsync(f.A.Id, new FeelingWords("hopeful", "we plan the weekend together", null));
            await feelings.ShareAsync(f.A.Id, draft.Value);
        }

        var before = await f.TherapistBrowser.GetPageAsync("/Therapist");
        await ShareAsync(f.ABrowser, "Feelings", "Expectations");
        var oneSided = await f.TherapistBrowser.GetPageAsync("/Therapist");
        await ShareAsync(f.BBrowser, "Expectations");
        var both = await f.TherapistBrowser.GetPageAsync("/Therapist");

        Assert.Null(before.Document.QuerySelector(".statements-waiting"));
        Assert.Contains("One shared \"I feel\" statement waits", oneSided.Document.QuerySelector(".statements-waiting")!.TextContent, StringComparison.Ordinal);
        Assert.Null(oneSided.Document.QuerySelector(".follow-through"));
        Assert.Contains("nothing noted in the last 4 weeks", both.Document.QuerySelector(".follow-through")!.TextContent, StringComparison.Ordinal);
    }

    private static async Task ShareAsync(HttpClient partner, params string[] scopes)
    {
        var values = scopes.ToDictionary(s => $"Input.{s}", _ => "true");
        values["Input.Start"] = "AllHistory";
        await partner.SubmitAsync(await partner.GetPageAsync("/Couple/Therapist"), "#consent-form", values);
    }

    private static async Task AddAgendaAsync(HttpClient partner, string text) =>
        await partner.SubmitAsync(await partner.GetPageAsync("/Couple/Agenda"), "#agenda-form", new() { ["Input.Text"] = text });

    private async Task<HtmlPage> SuggestAsync(Fixture f, string kind, string? text, DateOnly? dueOn)
    {
        var values = new Dictionary<string, string> { ["Input.Kind"] = kind, ["Input.Text"] = text ?? "" };
        if (dueOn is { } due)
        {
            values["Input.DueOn"] = due.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        }

        return await f.TherapistBrowser.SubmitAndReadAsync(await f.TherapistBrowser.GetPageAsync($"/Therapist/Session/{f.CoupleId}"), "#practice-form", values);
    }

    private Task<int> NotificationsAsync(string userId, NotificationKind kind) =>
        app.WithDbAsync(db => db.Notifications.CountAsync(n => n.RecipientId == userId && n.Kind == kind));

    private async Task<Fixture> SeedAsync()
    {
        var (a, b) = await app.CreateCoupleAsync("Ana", "Ben");
        var (therapist, code, key) = await app.CreateTherapistAsync("Dr Rivers");
        var aBrowser = await app.SignInAsync(a);
        await aBrowser.SubmitAsync(await aBrowser.GetPageAsync("/Couple/Therapist"), "#link-therapist-form", new() { ["Link.Code"] = code });
        var coupleId = await app.WithDbAsync(db => db.Couples.Where(c => c.PartnerAId == a.Id || c.PartnerBId == a.Id).Select(c => c.Id).SingleAsync());
        return new Fixture(a, b, therapist, coupleId, aBrowser, await app.SignInAsync(b), await app.SignInWithTwoFactorAsync(therapist, key));
    }
}
