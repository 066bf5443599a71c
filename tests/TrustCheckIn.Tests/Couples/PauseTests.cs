using System.Net;
using TrustCheckIn.CheckIns;
using TrustCheckIn.Common;
using TrustCheckIn.Couples;
using TrustCheckIn.Notifications;
using TrustCheckIn.Tests.Infrastructure;
using TrustCheckIn.Tests.Notifications;
using TrustCheckIn.Tests.Reminders;
using static TrustCheckIn.Tests.CheckIns.CheckInSeeding;
using static TrustCheckIn.Tests.Reminders.ReminderSeeding;

namespace TrustCheckIn.Tests.Couples;

public sealed class PauseTests(TestApp app) : IClassFixture<TestApp>
{
    private static async Task<HtmlPage> ProposeAsync(HttpClient browser, string weeks)
    {
        var page = await browser.GetPageAsync("/Couple/Pause");
        return await browser.SubmitAndReadAsync(page, "#propose-pause-form", new() { ["Input.Weeks"] = weeks });
    }

    private static async Task<HtmlPage> PressOnHomeAsync(HttpClient browser, string form) =>
        await browser.SubmitAndReadAsync(await browser.GetPageAsync("/"), form);

    [Fact]
    public async Task OnePartnerProposesTheOtherAcceptsFromHomeAndEitherResumes()
    {
        var (a, b) = await app.CreateCoupleAsync("Alex", "Jo");
        var alex = await app.SignInAsync(a);
        var jo = await app.SignInAsync(b);

        HtmlPage proposed = null!;
        var toldOfProposal = await app.ToldByAsync(async () => proposed = await ProposeAsync(alex, "2"));
        var joHome = await jo.GetPageAsync("/");

        Assert.Equal("/", proposed.Url.AbsolutePath);
        Assert.NotNull(proposed.Document.QuerySelector("#pause-proposed-by-me"));
        Assert.Contains("2 weeks", joHome.Document.QuerySelector("#pause-proposed-to-me")!.TextContent, StringComparison.Ordinal);
        toldOfProposal.AssertToldOnly(b, NotificationKind.PauseProposed, a);

        HtmlPage accepted = null!;
        var toldOfAccept = await app.ToldByAsync(async () => accepted = await PressOnHomeAsync(jo, "#accept-pause-form"));
        var thisWeek = IsoWeek.Current(app.Clock, TimeZoneInfo.FindSystemTimeZoneById("Europe/London"));
        var lastPausedDay = thisWeek.AddWeeks(2).Start.AddDays(-1);

        var running = accepted.Document.QuerySelector("#pause-running")!.TextContent;
        Assert.Contains("Paused until", running, StringComparison.Ordinal);
        Assert.Contains(lastPausedDay.ToString("MMMM", System.Globalization.CultureInfo.InvariantCulture), running, StringComparison.Ordinal);
        Assert.Contains($"{lastPausedDay.Day} ", running, StringComparison.Ordinal);
        Assert.Null(accepted.Document.QuerySelector("#next-reminder"));
        Assert.NotNull((await alex.GetPageAsync("/")).Document.QuerySelector("#resume-pause-form"));
        toldOfAccept.AssertToldOnly(a, NotificationKind.PauseAccepted, b);

        HtmlPage resumed = null!;
        var toldOfResume = await app.ToldByAsync(async () => resumed = await PressOnHomeAsync(alex, "#resume-pause-form"));

        Assert.Null(resumed.Document.QuerySelector("#home-pause"));
        Assert.Contains("check-ins are on again", resumed.Text, StringComparison.Ordinal);
        Assert.Null((await jo.GetPageAsync("/")).Document.QuerySelector("#home-pause"));
        toldOfResume.AssertToldOnly(b, NotificationKind.PauseEnded, a);
    }

    [Fact]
    public async Task TheProposerWithdrawsAndThePartnerDeclines()
    {
        var (a, b) = await app.CreateCoupleAsync();
        var alex = await app.SignInAsync(a);
        var jo = await app.SignInAsync(b);

        await ProposeAsync(alex, "3");
        var toldOfWithdrawal = await app.ToldByAsync(() => PressOnHomeAsync(alex, "#withdraw-pause-form"));
        var joAfterWithdrawal = await jo.GetPageAsync("/");
        await ProposeAsync(jo, "1");
        var toldOfDecline = await app.ToldByAsync(() => PressOnHomeAsync(alex, "#decline-pause-form"));

        Assert.Empty(toldOfWithdrawal);
        Assert.Null(joAfterWithdrawal.Document.QuerySelector("#home-pause"));
        toldOfDecline.AssertToldOnly(b, NotificationKind.PauseDeclined, a);
        Assert.Null((await jo.GetPageAsync("/")).Document.QuerySelector("#home-pause"));
        Assert.NotNull((await alex.GetPageAsync("/Couple/Pause")).Document.QuerySelector("#propose-pause-form"));
    }

    [Theory]
    [InlineData("0")]
    [InlineData("9")]
    public async Task APauseOutsideOneToEightWeeksIsRefusedBesideTheFieldWithTheChoiceKept(string weeks)
    {
        var (a, _) = await app.CreateCoupleAsync();
        var alex = await app.SignInAsync(a);

        var page = await ProposeAsync(alex, weeks);

        Assert.Equal(HttpStatusCode.OK, page.Response.StatusCode);
        Assert.Contains("1 to 8 weeks", page.Document.QuerySelector("[data-valmsg-for='Input.Weeks']")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(page.Document.QuerySelector("#propose-pause-form"));
        Assert.False(await app.WithDbAsync(db => Task.FromResult(db.CouplePauses.Any(p => p.ProposedById == a.Id))));
    }

    [Fact]
    public async Task ASecondProposalAndAcceptingYourOwnAreRefused()
    {
        var (a, b) = await app.CreateCoupleAsync();
        var pauseId = await ProposeByServiceAsync(app.Clock, a, 2);

        var second = await app.WithServiceAsync<Result, PauseService>(p => p.ProposeAsync(b.Id, 4));
        var own = await app.WithServiceAsync<Result, PauseService>(p => p.AnswerAsync(a.Id, pauseId, accept: true));
        var partnerWithdraws = await app.WithServiceAsync<Result, PauseService>(p => p.WithdrawAsync(b.Id, pauseId));
        var joPage = await (await app.SignInAsync(b)).GetPageAsync("/Couple/Pause");

        Assert.Equal(RefusalKind.RefusedByRule, second.Error?.Kind);
        Assert.Equal(RefusalKind.RefusedByRule, own.Error?.Kind);
        Assert.Equal(RefusalKind.RefusedByRule, partnerWithdraws.Error?.Kind);
        Assert.NotNull(joPage.Document.QuerySelector("#accept-pause-form"));
        Assert.Null(joPage.Document.QuerySelector("#propose-pause-form"));
    }

    [Fact]
    public async Task AnotherCouplesPauseIsNotFoundAndAClosedCoupleCannotPause()
    {
        var (a, _) = await app.CreateCoupleAsync();
        var (c, d) = await app.CreateCoupleAsync();
        var pauseId = await ProposeByServiceAsync(app.Clock, a, 2);
        var outsider = await app.SignInAsync(c);
        var outsiderPage = await outsider.GetPageAsync("/Couple/Pause");

        var ownProposal = await outsider.SubmitAsync(outsiderPage, "#propose-pause-form");
        var tokens = await outsider.GetPageAsync("/Couple/Pause");
        var foreign = await outsider.PostAsync($"/Couple/Pause?handler=Accept&id={pauseId}", new FormUrlEncodedContent([new("__RequestVerificationToken", tokens.Document.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("input[name=__RequestVerificationToken]")!.Value)]));
        await app.WithServiceAsync<Result, CoupleService>(s => s.LeaveAsync(d.Id));
        var afterLeaving = await app.WithServiceAsync<Result, PauseService>(p => p.ProposeAsync(c.Id, 2));

        Assert.Equal(HttpStatusCode.OK, ownProposal.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
        Assert.Equal(PauseStatus.Proposed, await app.WithDbAsync(db => Task.FromResult(db.CouplePauses.Single(p => p.Id == pauseId).Status)));
        Assert.Equal(RefusalKind.NotFound, afterLeaving.Error?.Kind);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync("/Couple/Pause")).StatusCode);
    }

    [Fact]
    public async Task NoCheckInRemindersInPausedWeeksAndTheyComeBackAfter()
    {
        var (a, b) = await app.CreateCoupleAsync();
        // Monday 10 June 2030: the pause covers ISO weeks 24 and 25 of 2030.
        var clock = ClockAt(2030, 6, 10, 9, 0);
        await AcceptedPauseAsync(clock, a, b, weeks: 2);
        var sender = new RecordingEmailSender();

        await app.RunRemindersAsync(ClockAt(2030, 6, 16, 17, 30), sender);
        await app.RunRemindersAsync(ClockAt(2030, 6, 23, 17, 30), sender);
        var duringPause = sender.To(a.Email).Count + sender.To(b.Email).Count;
        await app.RunRemindersAsync(ClockAt(2030, 6, 30, 17, 30), sender);

        Assert.Equal(0, duringPause);
        Assert.Single(sender.To(a.Email, CheckInSubject));
        Assert.Single(sender.To(b.Email, CheckInSubject));
    }

    [Fact]
    public async Task CheckInsInAPausedWeekAreKeptButTellNobody()
    {
        var (a, b) = await app.CreateCoupleAsync();
        var clock = ClockAt(2030, 6, 10, 9, 0);
        await AcceptedPauseAsync(clock, a, b, weeks: 1);

        var toldWhilePaused = await app.ToldByAsync(async () =>
        {
            Assert.Equal(WeekState.WaitingForPartner, (await app.SubmitThisWeekAsync(clock, a, Answers())).Value);
            Assert.Equal(WeekState.BothCheckedIn, (await app.SubmitThisWeekAsync(clock, b, Answers())).Value);
        });
        clock.MoveTo(2030, 6, 17, 9);
        var toldAfter = await app.ToldByAsync(async () => await app.SubmitThisWeekAsync(clock, a, Answers()));

        Assert.Empty(toldWhilePaused);
        toldAfter.AssertToldOnly(b, NotificationKind.PartnerCheckedIn, a);
    }

    [Fact]
    public async Task TheHistoryShowsPausedWeeksAndThePauseEndsByItself()
    {
        using var own = new TestApp();
        var (a, b) = await own.CreateCoupleAsync();
        await own.WithServiceAsync<Result, PauseService>(p => p.ProposeAsync(a.Id, 1));
        var pauseId = await own.WithDbAsync(db => Task.FromResult(db.CouplePauses.Single(p => p.ProposedById == a.Id).Id));
        await own.WithServiceAsync<Result, PauseService>(p => p.AnswerAsync(b.Id, pauseId, accept: true));
        var pausedWeek = IsoWeek.Current(own.Clock, TimeZoneInfo.FindSystemTimeZoneById("Europe/London"));
        var alex = await own.SignInAsync(a);

        var duringPause = await alex.GetPageAsync("/");
        own.Clock.Advance(TimeSpan.FromDays(7));
        var afterPause = await alex.GetPageAsync("/");
        var history = await alex.GetPageAsync("/CheckIns/History");

        Assert.NotNull(duringPause.Document.QuerySelector("#pause-running"));
        Assert.Null(afterPause.Document.QuerySelector("#home-pause"));
        Assert.NotNull(afterPause.Document.QuerySelector("#next-reminder"));
        Assert.Contains("Paused", history.Document.QuerySelector($"[data-week='{pausedWeek}'] .paused-week")!.TextContent, StringComparison.Ordinal);
        Assert.Null(history.Document.QuerySelector($"[data-week='{pausedWeek.Next}'] .paused-week"));
        Assert.NotNull((await alex.GetPageAsync("/Couple/Pause")).Document.QuerySelector("#propose-pause-form"));
    }

    private async Task<int> ProposeByServiceAsync(Microsoft.Extensions.Time.Testing.FakeTimeProvider clock, TestUser proposer, int weeks)
    {
        Assert.True((await app.WithServiceAsync<Result, PauseService>(clock, p => p.ProposeAsync(proposer.Id, weeks))).Succeeded);
        return await app.WithDbAsync(db => Task.FromResult(db.CouplePauses.Where(p => p.ProposedById == proposer.Id).Max(p => p.Id)));
    }

    private async Task AcceptedPauseAsync(Microsoft.Extensions.Time.Testing.FakeTimeProvider clock, TestUser proposer, TestUser partner, int weeks)
    {
        var pauseId = await ProposeByServiceAsync(clock, proposer, weeks);
        Assert.True((await app.WithServiceAsync<Result, PauseService>(clock, p => p.AnswerAsync(partner.Id, pauseId, accept: true))).Succeeded);
    }
}
