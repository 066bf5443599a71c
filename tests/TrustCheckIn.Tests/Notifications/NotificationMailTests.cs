using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using TrustCheckIn.Common;
using TrustCheckIn.Feelings;
using TrustCheckIn.Notifications;
using TrustCheckIn.Tests.Infrastructure;
using TrustCheckIn.Tests.Reminders;
using TrustCheckIn.Tests.Security;

namespace TrustCheckIn.Tests.Notifications;

// E-mail delivery on the test's own clock: claimed before sending, once per item, batched, quiet hours, unsubscribe, retry.
public sealed class NotificationMailTests(TestApp app) : IClassFixture<TestApp>
{
    private static readonly string SharedTitle = NotificationKinds.Title(NotificationKind.StatementShared);

    // A fresh mailer each time, as after a restart; same database.
    private async Task RunMailerAsync(FakeTimeProvider clock, RecordingEmailSender sender)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await ActivatorUtilities.CreateInstance<NotificationMailer>(scope.ServiceProvider, clock, sender).RunOnceAsync();
    }

    private Task ShareAsync(TestUser author) => app.WithServiceAsync<Result, FeelingService>(async f =>
        await f.ShareAsync(author.Id, (await f.SaveDraftAsync(author.Id, new FeelingWords("hurt", "plans change", "a message"))).Value));

    private Task CheckInAsync(TestUser author) => app.WithServiceAsync<Result, TrustCheckIn.CheckIns.CheckInService>(async c =>
        new Result((await c.SubmitAsync(author.Id, (await c.GetThisWeekAsync(author.Id))!.Week.Key, new(new(4, 4, 4, 4, 4), null, null, null))).Error));

    [Fact]
    public async Task AnItemIsMailedOnceAcrossFourConcurrentRunsAndARestart()
    {
        var (a, b) = await app.CreateCoupleAsync();
        var sender = new RecordingEmailSender { Delay = TimeSpan.FromMilliseconds(20) };
        var clock = ReminderSeeding.ClockAt(2030, 6, 30, 12, 0);
        await ShareAsync(a);

        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => RunMailerAsync(clock, sender)));
        clock.Advance(TimeSpan.FromHours(1));
        await RunMailerAsync(clock, sender);

        var mail = Assert.Single(sender.To(b.Email));
        Assert.Contains(SharedTitle, mail.TextBody, StringComparison.Ordinal);
        Assert.Empty(sender.To(a.Email));
    }

    [Fact]
    public async Task WhatHappensWithinFifteenMinutesOfAMailWaitsForTheNextOne()
    {
        var (a, b) = await app.CreateCoupleAsync();
        var sender = new RecordingEmailSender();
        var clock = ReminderSeeding.ClockAt(2030, 6, 30, 12, 0);
        await ShareAsync(a);
        await RunMailerAsync(clock, sender);

        await CheckInAsync(a);
        await ShareAsync(a);
        clock.Advance(TimeSpan.FromMinutes(14));
        await RunMailerAsync(clock, sender);
        var within = sender.To(b.Email).Count;
        clock.Advance(TimeSpan.FromMinutes(1));
        await RunMailerAsync(clock, sender);

        Assert.Equal(1, within);
        var second = sender.To(b.Email)[1];
        Assert.Equal(2, sender.To(b.Email).Count);
        Assert.Contains(NotificationKinds.Title(NotificationKind.PartnerCheckedIn), second.TextBody, StringComparison.Ordinal);
        Assert.Contains(SharedTitle, second.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task QuietHoursInThePersonsTimeZoneHoldTheMailUntilMorning()
    {
        var (a, b) = await app.CreateCoupleAsync();
        var sender = new RecordingEmailSender();
        // Europe/London in January is UTC: 23:00 is inside the default quiet hours (22:00 to 07:00).
        var clock = ReminderSeeding.ClockAt(2030, 1, 15, 23, 0);
        await ShareAsync(a);

        await RunMailerAsync(clock, sender);
        var atNight = sender.To(b.Email).Count;
        clock.MoveTo(2030, 1, 16, 6, 59);
        await RunMailerAsync(clock, sender);
        var beforeSeven = sender.To(b.Email).Count;
        clock.MoveTo(2030, 1, 16, 7, 0);
        await RunMailerAsync(clock, sender);

        Assert.Equal((0, 0), (atNight, beforeSeven));
        Assert.Single(sender.To(b.Email));
    }

    [Fact]
    public async Task TheUnsubscribeLinkAsksThenStopsThatKindOnly()
    {
        var (a, b) = await app.CreateCoupleAsync();
        var sender = new RecordingEmailSender();
        var clock = ReminderSeeding.ClockAt(2030, 6, 30, 12, 0);
        await ShareAsync(a);
        await RunMailerAsync(clock, sender);
        var link = System.Text.RegularExpressions.Regex.Match(sender.To(b.Email).Single().TextBody, @"https?://\S*/Notifications/Unsubscribe\S*").Value;
        var visitor = app.CreateBrowser();

        var asks = await visitor.GetPageAsync(link);
        var stillOn = await app.WithServiceAsync<NotificationSettingsService.SettingsView, NotificationSettingsService>(s => s.GetAsync(b.Id, [NotificationKind.StatementShared]));
        var done = await visitor.SubmitAndReadAsync(asks, "#notification-unsubscribe-form");
        await ShareAsync(a);
        await CheckInAsync(a);
        clock.Advance(TimeSpan.FromMinutes(20));
        await RunMailerAsync(clock, sender);

        Assert.Contains("Stop e-mails about", asks.Text, StringComparison.Ordinal);
        Assert.Contains(NotificationKind.StatementShared, stillOn.Email);
        Assert.NotNull(done.Document.QuerySelector("#notification-unsubscribed"));
        var after = sender.To(b.Email)[1];
        Assert.Equal(2, sender.To(b.Email).Count);
        Assert.Contains(NotificationKinds.Title(NotificationKind.PartnerCheckedIn), after.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain(SharedTitle, after.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AFailingSenderIsTriedAgainAfterTheBackOff()
    {
        var (a, b) = await app.CreateCoupleAsync();
        var sender = new RecordingEmailSender();
        sender.FailNextTo(b.Email, 1);
        var clock = ReminderSeeding.ClockAt(2030, 6, 30, 12, 0);
        await ShareAsync(a);

        await RunMailerAsync(clock, sender);
        clock.Advance(TimeSpan.FromSeconds(30));
        await RunMailerAsync(clock, sender);
        var tooSoon = sender.To(b.Email).Count;
        clock.Advance(TimeSpan.FromSeconds(31));
        await RunMailerAsync(clock, sender);

        Assert.Equal(0, tooSoon);
        Assert.Single(sender.To(b.Email));
    }

    [Fact]
    public async Task TheSettingsPageTurnsAKindsMailOffAndKeepsItInTheApp()
    {
        var (a, b) = await app.CreateCoupleAsync();
        var browser = await app.SignInAsync(b);
        var sender = new RecordingEmailSender();
        var clock = ReminderSeeding.ClockAt(2030, 6, 30, 12, 0);

        var page = await browser.GetPageAsync("/Notifications/Settings");
        var defaults = page.Document.QuerySelectorAll("#notification-settings-form input[name='Input.Email']:checked").Select(e => e.GetAttribute("value") ?? "").ToHashSet();
        page.Document.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("#email-StatementShared")!.IsChecked = false;
        var saved = await browser.SubmitAndReadAsync(page, "#notification-settings-form", new() { ["Input.QuietHours"] = "false" });
        var told = await app.ToldByAsync(() => ShareAsync(a));
        await RunMailerAsync(clock, sender);

        Assert.Equal(NotificationSettings.DefaultEmail.Select(k => k.ToString()).ToHashSet(), defaults);
        Assert.DoesNotContain("TherapistAwaitingApproval", page.Html, StringComparison.Ordinal);
        Assert.Contains("Saved.", saved.Text, StringComparison.Ordinal);
        Assert.Null(saved.Document.QuerySelector("#email-StatementShared:checked"));
        Assert.NotNull(saved.Document.QuerySelector("#email-PartnerCheckedIn:checked"));
        Assert.Single(told);
        Assert.Empty(sender.To(b.Email));
    }

    [Fact]
    public async Task NoCanaryReachesAnyNotificationMail()
    {
        var world = await SecurityWorld.BuildAsync(app, signIn: false);
        var sender = new RecordingEmailSender();
        var clock = ReminderSeeding.ClockAt(2030, 6, 30, 12, 0);

        await RunMailerAsync(clock, sender);

        Assert.NotEmpty(sender.To(world.Users[Actor.PartnerB].Email));
        var everything = string.Join("\n", sender.Sent.Select(m => m.Subject + "\n" + m.TextBody));
        Assert.All(world.Canaries, canary => Assert.DoesNotContain(canary.Text, everything, StringComparison.Ordinal));
    }
}
