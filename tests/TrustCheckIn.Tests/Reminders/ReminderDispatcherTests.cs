using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;
using TrustCheckIn.Couples;
using TrustCheckIn.Email;
using TrustCheckIn.Feelings;
using TrustCheckIn.Journal;
using TrustCheckIn.Reminders;
using TrustCheckIn.Tests.CheckIns;
using TrustCheckIn.Tests.Infrastructure;
using static TrustCheckIn.Tests.CheckIns.CheckInSeeding;
using static TrustCheckIn.Tests.Reminders.ReminderSeeding;

namespace TrustCheckIn.Tests.Reminders;

public sealed class ReminderDispatcherTests(TestApp app) : IClassFixture<TestApp>
{
    [Fact]
    public async Task TheWeeklyReminderComesAtTheChosenLocalTimeOnBothSidesOfTheSpringClockChange()
    {
        var (a, b) = await app.CreateCoupleAsync();
        var sender = new RecordingEmailSender();
        var clock = ClockAt(2030, 3, 24, 17, 59);

        await app.RunRemindersAsync(clock, sender);
        var beforeSixGmt = sender.To(a.Email).Count;
        clock.MoveTo(2030, 3, 24, 18, 0);
        await app.RunRemindersAsync(clock, sender);
        var atSixGmt = sender.To(a.Email).Count;
        // 31 March 2030: the clocks go forward, so 18:00 in London is 17:00 UTC.
        clock.MoveTo(2030, 3, 31, 16, 59);
        await app.RunRemindersAsync(clock, sender);
        var beforeSixBst = sender.To(a.Email).Count;
        clock.MoveTo(2030, 3, 31, 17, 0);
        await app.RunRemindersAsync(clock, sender);

        Assert.Equal(0, beforeSixGmt);
        Assert.Equal(1, atSixGmt);
        Assert.Equal(1, beforeSixBst);
        Assert.Equal(2, sender.To(a.Email, CheckInSubject).Count);
        Assert.Equal(2, sender.To(b.Email, CheckInSubject).Count);
    }

    [Fact]
    public async Task TheWeeklyReminderComesAtTheChosenLocalTimeOnBothSidesOfTheAutumnClockChange()
    {
        var (a, _) = await app.CreateCoupleAsync();
        await app.SaveRemindersAsync(a, day: DayOfWeek.Sunday, hour: 9, minute: 15);
        var sender = new RecordingEmailSender();
        var clock = ClockAt(2030, 10, 20, 8, 14);

        await app.RunRemindersAsync(clock, sender);
        var beforeBst = sender.To(a.Email).Count;
        clock.MoveTo(2030, 10, 20, 8, 15);
        await app.RunRemindersAsync(clock, sender);
        var atBst = sender.To(a.Email).Count;
        // 27 October 2030: back to GMT, so 09:15 in London is 09:15 UTC.
        clock.MoveTo(2030, 10, 27, 9, 14);
        await app.RunRemindersAsync(clock, sender);
        var beforeGmt = sender.To(a.Email).Count;
        clock.MoveTo(2030, 10, 27, 9, 15);
        await app.RunRemindersAsync(clock, sender);

        Assert.Equal((0, 1, 1), (beforeBst, atBst, beforeGmt));
        Assert.Equal(2, sender.To(a.Email).Count);
    }

    [Fact]
    public async Task ATimeTheClocksSkipComesAnHourLaterAndATimeTheyRepeatComesOnce()
    {
        var (a, _) = await app.CreateCoupleAsync();
        await app.SaveRemindersAsync(a, day: DayOfWeek.Sunday, hour: 1, minute: 30);
        var sender = new RecordingEmailSender();
        var clock = ClockAt(2030, 3, 31, 1, 29);

        // 01:30 does not happen in London on 31 March: the reminder comes at 02:30 BST (01:30 UTC).
        await app.RunRemindersAsync(clock, sender);
        var beforeSkipped = sender.To(a.Email).Count;
        clock.MoveTo(2030, 3, 31, 1, 30);
        await app.RunRemindersAsync(clock, sender);
        var afterSkipped = sender.To(a.Email).Count;
        // 01:30 happens twice on 27 October: the first one (00:30 UTC) reminds, the second does not.
        clock.MoveTo(2030, 10, 27, 0, 29);
        await app.RunRemindersAsync(clock, sender);
        var beforeRepeated = sender.To(a.Email).Count;
        clock.MoveTo(2030, 10, 27, 0, 30);
        await app.RunRemindersAsync(clock, sender);
        clock.MoveTo(2030, 10, 27, 1, 31);
        await app.RunRemindersAsync(clock, sender);

        Assert.Equal((0, 1, 1), (beforeSkipped, afterSkipped, beforeRepeated));
        Assert.Equal(2, sender.To(a.Email).Count);
    }

    [Fact]
    public async Task APartnerWhoHasCheckedInThisWeekGetsNoReminder()
    {
        var (a, b) = await app.CreateCoupleAsync();
        var sender = new RecordingEmailSender();
        var clock = ClockAt(2030, 6, 9, 10, 0);
        await app.SubmitThisWeekAsync(clock, a, Answers());

        clock.MoveTo(2030, 6, 9, 17, 0);
        await app.RunRemindersAsync(clock, sender);

        Assert.Empty(sender.To(a.Email));
        Assert.Single(sender.To(b.Email, CheckInSubject));
    }

    [Fact]
    public async Task NoReminderWhenTurnedOffOrAfterTheCoupleHasEnded()
    {
        var (a, b) = await app.CreateCoupleAsync();
        var (c, d) = await app.CreateCoupleAsync();
        await app.SaveRemindersAsync(a, checkIn: false);
        await app.WithServiceAsync<Common.Result, CoupleService>(s => s.LeaveAsync(c.Id));
        var sender = new RecordingEmailSender();

        await app.RunRemindersAsync(ClockAt(2030, 6, 16, 17, 30), sender);

        Assert.Empty(sender.To(a.Email));
        Assert.Single(sender.To(b.Email));
        Assert.Empty(sender.To(c.Email));
        Assert.Empty(sender.To(d.Email));
    }

    [Fact]
    public async Task AReminderIsSentOnceAcrossARestart()
    {
        var (a, b) = await app.CreateCoupleAsync();
        var sender = new RecordingEmailSender();
        var clock = ClockAt(2030, 6, 23, 17, 0);

        await app.RunRemindersAsync(clock, sender);
        clock.Advance(TimeSpan.FromMinutes(1));
        await app.RunRemindersAsync(clock, sender);
        clock.Advance(TimeSpan.FromHours(3));
        await app.RunRemindersAsync(clock, sender);
        var delivery = Assert.Single(await app.DeliveriesAsync(a));

        Assert.Single(sender.To(a.Email));
        Assert.Single(sender.To(b.Email));
        Assert.Equal(DeliveryStatus.Sent, delivery.Status);
        Assert.Equal("203025", delivery.PeriodKey);
        Assert.Equal(1, delivery.Attempts);
    }

    [Fact]
    public async Task TwoConcurrentRunsSendEachReminderOnce()
    {
        var (a, b) = await app.CreateCoupleAsync();
        var sender = new RecordingEmailSender { Delay = TimeSpan.FromMilliseconds(20) };
        var clock = ClockAt(2030, 6, 30, 17, 5);

        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => app.RunRemindersAsync(clock, sender)));

        Assert.Single(sender.To(a.Email));
        Assert.Single(sender.To(b.Email));
        Assert.Single(await app.DeliveriesAsync(a));
    }

    [Fact]
    public async Task ARunThatStopsMidSendLeavesAClaimThatIsSentLater()
    {
        var (a, _) = await app.CreateCoupleAsync();
        using var crash = new CancellationTokenSource();
        var crashing = new StopsWhenSendingTo(a.Email, crash);
        var sender = new RecordingEmailSender();
        var clock = ClockAt(2030, 7, 7, 17, 10);

        await app.RunRemindersAsync(clock, crashing, crash.Token);
        var claim = Assert.Single(await app.DeliveriesAsync(a));
        clock.Advance(TimeSpan.FromSeconds(30));
        await app.RunRemindersAsync(clock, sender);
        var tooSoon = sender.To(a.Email).Count;
        clock.Advance(TimeSpan.FromSeconds(30));
        await app.RunRemindersAsync(clock, sender);

        Assert.Equal(DeliveryStatus.Pending, claim.Status);
        Assert.Equal(0, tooSoon);
        Assert.Single(sender.To(a.Email));
        Assert.Equal(DeliveryStatus.Sent, Assert.Single(await app.DeliveriesAsync(a)).Status);
    }

    [Fact]
    public async Task AFailingMailServerIsRetriedAfterItsBackOffAndLaterSucceeds()
    {
        var (a, _) = await app.CreateCoupleAsync();
        var sender = new RecordingEmailSender();
        var clock = ClockAt(2030, 7, 14, 17, 0);
        sender.FailNextTo(a.Email, 2);

        await app.RunRemindersAsync(clock, sender);
        var afterFirst = Assert.Single(await app.DeliveriesAsync(a));
        clock.Advance(TimeSpan.FromSeconds(59));
        await app.RunRemindersAsync(clock, sender);
        var beforeFirstDelay = Assert.Single(await app.DeliveriesAsync(a));
        clock.Advance(TimeSpan.FromSeconds(1));
        await app.RunRemindersAsync(clock, sender);
        var afterSecond = Assert.Single(await app.DeliveriesAsync(a));
        clock.Advance(TimeSpan.FromMinutes(4));
        await app.RunRemindersAsync(clock, sender);
        var beforeSecondDelay = Assert.Single(await app.DeliveriesAsync(a));
        clock.Advance(TimeSpan.FromMinutes(1));
        await app.RunRemindersAsync(clock, sender);
        var delivered = Assert.Single(await app.DeliveriesAsync(a));

        Assert.Equal((DeliveryStatus.Pending, 1), (afterFirst.Status, afterFirst.Attempts));
        Assert.Equal(clock.Start.UtcDateTime.AddMinutes(1), afterFirst.NextAttemptAt);
        Assert.Equal(1, beforeFirstDelay.Attempts);
        Assert.Equal((DeliveryStatus.Pending, 2), (afterSecond.Status, afterSecond.Attempts));
        Assert.Equal(clock.Start.UtcDateTime.AddMinutes(6), afterSecond.NextAttemptAt);
        Assert.Equal(2, beforeSecondDelay.Attempts);
        Assert.Equal((DeliveryStatus.Sent, 3), (delivered.Status, delivered.Attempts));
        Assert.Single(sender.To(a.Email));
    }

    [Fact]
    public async Task AMailServerThatNeverAnswersIsGivenUpOnWithoutAnErrorEscaping()
    {
        var (a, _) = await app.CreateCoupleAsync();
        // Early in the week, so all the retries (about 9 hours) fall inside it.
        await app.SaveRemindersAsync(a, day: DayOfWeek.Tuesday, hour: 9);
        var sender = new RecordingEmailSender();
        var clock = ClockAt(2030, 7, 23, 8, 0);
        sender.FailNextTo(a.Email, 1000);

        for (var run = 0; run < ReminderDelivery.MaxAttempts + 2; run++)
        {
            await app.RunRemindersAsync(clock, sender);
            clock.SetUtcNow(Assert.Single(await app.DeliveriesAsync(a)).NextAttemptAt);
        }

        var delivery = Assert.Single(await app.DeliveriesAsync(a));
        Assert.Equal(DeliveryStatus.Failed, delivery.Status);
        Assert.Equal(ReminderDelivery.MaxAttempts, delivery.Attempts);
        Assert.Empty(sender.To(a.Email));
    }

    [Fact]
    public async Task NoMailCarriesAnythingEitherPartnerWrote()
    {
        var canary = $"Canary{Guid.NewGuid():N}";
        var (a, b) = await app.CreateCoupleAsync();
        var clock = ClockAt(2030, 1, 6, 12, 0);
        await app.AddExpectationAsync(clock, a, need: $"{canary}-need");
        clock.MoveTo(2030, 2, 10, 9, 0);
        await app.SubmitThisWeekAsync(clock, a, Answers(wentWell: $"{canary}-went-well", onMyMind: $"{canary}-mind", smallStep: $"{canary}-step"));
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var feelings = scope.ServiceProvider.GetRequiredService<FeelingService>();
            var statement = await feelings.SaveDraftAsync(b.Id, new FeelingWords("unsure", $"{canary}-situation happens", $"{canary}-need"));
            await feelings.ShareAsync(b.Id, statement.Value);
            await scope.ServiceProvider.GetRequiredService<JournalService>().CreateAsync(b.Id, new(null, $"{canary}-journal", false));
        }

        var sender = new RecordingEmailSender();
        clock.MoveTo(2030, 2, 10, 18, 30);
        await app.RunRemindersAsync(clock, sender);
        var mails = sender.To(a.Email).Concat(sender.To(b.Email)).ToList();

        Assert.Equal(3, mails.Count);
        Assert.Single(sender.To(b.Email, CheckInSubject));
        Assert.Single(sender.To(a.Email, ReviewSubject));
        Assert.All(mails, m => Assert.DoesNotContain(canary, m.Subject + m.TextBody, StringComparison.Ordinal));
        Assert.All(mails, m => Assert.Contains("/Reminders/Unsubscribe?token=", m.TextBody, StringComparison.Ordinal));
    }

    [Fact]
    public async Task TheExpectationsReviewReminderComesOncePerIntervalToBothPartners()
    {
        var (a, b) = await app.CreateCoupleAsync();
        var clock = ClockAt(2031, 1, 7, 9, 0);
        await app.AddExpectationAsync(clock, a);
        var sender = new RecordingEmailSender();

        // Four weeks (the default interval) pass without a review.
        clock.MoveTo(2031, 2, 4, 8, 0);
        await app.RunRemindersAsync(clock, sender);
        var beforeOverdue = sender.To(a.Email, ReviewSubject).Count;
        clock.MoveTo(2031, 2, 4, 10, 0);
        await app.RunRemindersAsync(clock, sender);
        clock.MoveTo(2031, 2, 20, 10, 0);
        await app.RunRemindersAsync(clock, sender);
        var withinTheInterval = sender.To(a.Email, ReviewSubject).Count;
        clock.MoveTo(2031, 3, 4, 10, 0);
        await app.RunRemindersAsync(clock, sender);
        var nextInterval = sender.To(a.Email, ReviewSubject).Count;
        await app.WithServiceAsync(clock, (TrustCheckIn.Expectations.ExpectationReviewService e) => e.ConfirmReviewAsync(a.Id));
        await app.WithServiceAsync(clock, (TrustCheckIn.Expectations.ExpectationReviewService e) => e.ConfirmReviewAsync(b.Id));
        clock.MoveTo(2031, 3, 20, 10, 0);
        await app.RunRemindersAsync(clock, sender);

        Assert.Equal((0, 1, 2), (beforeOverdue, withinTheInterval, nextInterval));
        Assert.Equal(2, sender.To(a.Email, ReviewSubject).Count);
        Assert.Equal(2, sender.To(b.Email, ReviewSubject).Count);
    }

    [Fact]
    public void TheTestAppRunsNoReminderWorkerOfItsOwn()
    {
        var workers = app.Services.GetServices<IHostedService>().OfType<ReminderWorker>();

        Assert.Empty(workers);
    }

    [Fact]
    public async Task TheWorkerRunsTheDispatcherEveryMinuteOnTheInjectedClock()
    {
        var (a, _) = await app.CreateCoupleAsync();
        var (early, _) = await app.CreateCoupleAsync();
        await app.SaveRemindersAsync(early, hour: 17, minute: 59);
        var sender = new RecordingEmailSender();
        var clock = ClockAt(2030, 8, 4, 16, 59, 30);
        await using var scope = app.Services.CreateAsyncScope();
        using var worker = new ReminderWorker(ActivatorUtilities.CreateInstance<ReminderDispatcher>(scope.ServiceProvider, clock, sender), clock);

        await worker.StartAsync(CancellationToken.None);
        // The run at start-up is over once the earlier reminder has gone.
        await WaitUntilAsync(() => sender.To(early.Email).Count > 0);
        var atStart = sender.To(a.Email).Count;
        clock.Advance(ReminderWorker.Interval);
        await WaitUntilAsync(() => sender.To(a.Email).Count > 0);
        await worker.StopAsync(CancellationToken.None);

        Assert.Single(sender.To(early.Email));
        Assert.Equal(0, atStart);
        Assert.Single(sender.To(a.Email));
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        for (var i = 0; i < 100 && !condition(); i++)
        {
            await Task.Delay(50);
        }
    }

    // Stands in for the process dying while the mail to one person is on its way.
    private sealed class StopsWhenSendingTo(string email, CancellationTokenSource crash) : IEmailSender
    {
        public Task SendAsync(EmailMessage message, CancellationToken ct = default)
        {
            if (string.Equals(message.To, email, StringComparison.OrdinalIgnoreCase))
            {
                crash.Cancel();
                ct.ThrowIfCancellationRequested();
            }

            return Task.CompletedTask;
        }
    }
}
