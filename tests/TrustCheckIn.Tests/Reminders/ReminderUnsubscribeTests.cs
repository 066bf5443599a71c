using System.Net;
using TrustCheckIn.Reminders;
using TrustCheckIn.Tests.Infrastructure;
using static TrustCheckIn.Tests.Reminders.ReminderSeeding;

namespace TrustCheckIn.Tests.Reminders;

public sealed class ReminderUnsubscribeTests(TestApp app) : IClassFixture<TestApp>
{
    [Fact]
    public async Task TheLinkAsksFirstThenOnePostTurnsThatReminderOff()
    {
        var (a, b) = await app.CreateCoupleAsync();
        var sender = new RecordingEmailSender();
        var clock = ClockAt(2030, 4, 14, 17, 0);
        await app.RunRemindersAsync(clock, sender);
        var visitor = app.CreateBrowser();

        var confirm = await visitor.GetPageAsync(UnsubscribeLink(sender.To(a.Email).Single()));
        var stillOnAfterGet = await SettingsOfAsync(a);
        var done = await visitor.SubmitAndReadAsync(confirm, "#unsubscribe-form");
        clock.MoveTo(2030, 4, 21, 17, 0);
        await app.RunRemindersAsync(clock, sender);

        Assert.Equal(HttpStatusCode.OK, confirm.Response.StatusCode);
        Assert.Contains("Stop the weekly check-in reminders", confirm.Text, StringComparison.Ordinal);
        Assert.True(stillOnAfterGet.CheckInEnabled);
        Assert.Contains("Done. You won't get these e-mails any more.", done.Text, StringComparison.Ordinal);
        Assert.NotNull(done.Document.QuerySelector("#unsubscribed"));
        Assert.Single(sender.To(a.Email));
        Assert.Equal(2, sender.To(b.Email).Count);
        Assert.False((await SettingsOfAsync(a)).CheckInEnabled);
        Assert.True((await SettingsOfAsync(a)).ReviewEnabled);
        Assert.True((await SettingsOfAsync(b)).CheckInEnabled);
    }

    [Fact]
    public async Task AChangedTokenIsNotFoundAndChangesNothing()
    {
        var (a, _) = await app.CreateCoupleAsync();
        var sender = new RecordingEmailSender();
        await app.RunRemindersAsync(ClockAt(2030, 4, 28, 17, 0), sender);
        var link = UnsubscribeLink(sender.To(a.Email).Single());
        var token = Uri.UnescapeDataString(link[(link.IndexOf("token=", StringComparison.Ordinal) + 6)..]);
        var tampered = token[..^2] + (token[^2] == 'A' ? "B" : "A") + token[^1];
        var visitor = app.CreateBrowser();
        var confirm = await visitor.GetPageAsync(link);

        var get = await visitor.GetAsync($"/Reminders/Unsubscribe?token={Uri.EscapeDataString(tampered)}");
        var getGarbage = await visitor.GetAsync("/Reminders/Unsubscribe?token=not-a-token");
        var getNothing = await visitor.GetAsync("/Reminders/Unsubscribe");
        var post = await visitor.SubmitAsync(confirm, "#unsubscribe-form", new() { ["Token"] = tampered });

        Assert.Equal(HttpStatusCode.NotFound, get.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, getGarbage.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, getNothing.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        Assert.True((await SettingsOfAsync(a)).CheckInEnabled);
    }

    [Fact]
    public async Task ATokenForOneKindTurnsOffOnlyThatKindForThatPerson()
    {
        var (a, b) = await app.CreateCoupleAsync();
        var tokens = app.Services.GetService(typeof(UnsubscribeTokens)) as UnsubscribeTokens;

        var result = await app.WithServiceAsync<Common.Result, ReminderService>(r => r.UnsubscribeAsync(tokens!.Create(a.Id, ReminderKind.ExpectationsReview)));

        Assert.True(result.Succeeded);
        Assert.Equal((true, false), ((await SettingsOfAsync(a)).CheckInEnabled, (await SettingsOfAsync(a)).ReviewEnabled));
        Assert.Equal((true, true), ((await SettingsOfAsync(b)).CheckInEnabled, (await SettingsOfAsync(b)).ReviewEnabled));
    }

    private static string UnsubscribeLink(Email.EmailMessage message)
    {
        var link = System.Text.RegularExpressions.Regex.Match(message.TextBody, @"https?://\S*/Reminders/Unsubscribe\?token=\S+").Value;
        return new Uri(link).PathAndQuery;
    }

    private async Task<ReminderSettings> SettingsOfAsync(TestUser user) =>
        (await app.WithServiceAsync<ReminderService.SettingsView?, ReminderService>(r => r.GetSettingsAsync(user.Id)))!.Settings;
}
