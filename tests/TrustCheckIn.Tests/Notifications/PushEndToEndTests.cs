using System.Text.Json;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TrustCheckIn.Common;
using TrustCheckIn.Feelings;
using TrustCheckIn.Notifications;
using TrustCheckIn.Tests.Infrastructure;
using TrustCheckIn.Tests.Reminders;

namespace TrustCheckIn.Tests.Notifications;

public sealed class PushEndToEndTests(TestApp app) : IClassFixture<TestApp>
{
    private Task<int> ShareAsync(TestUser author) => app.WithServiceAsync<int, FeelingService>(async f =>
    {
        var id = (await f.SaveDraftAsync(author.Id, new FeelingWords("hurt", "plans change", "a message"))).Value;
        await f.ShareAsync(author.Id, id);
        return id;
    });

    private async Task RunPusherAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        // Noon UTC: outside the default quiet hours in Europe/London.
        await ActivatorUtilities.CreateInstance<NotificationPusher>(scope.ServiceProvider, ReminderSeeding.ClockAt(2030, 6, 30, 12, 0), new HttpClient()).RunOnceAsync();
    }

    [Fact]
    public async Task APushFromTheSettingsPageSubscriptionArrivesEncryptedWithOnlyKindAndPathAndA410RemovesTheDevice()
    {
        await using var service = await LoopbackPushService.StartAsync();
        var (a, b) = await app.CreateCoupleAsync();
        var browser = await app.SignInAsync(b);
        var settings = await browser.GetPageAsync("/Notifications/Settings");
        var subscription = await service.SubscribeAsync(settings.Document.QuerySelector("#push-subscribe-form")!.GetAttribute("data-vapid-key")!);

        var subscribed = await browser.SubmitAndReadAsync(settings, "#push-subscribe-form", new()
        {
            ["endpoint"] = subscription.Endpoint,
            ["p256dh"] = subscription.P256dh,
            ["auth"] = subscription.Auth,
        });
        subscribed.Document.QuerySelector<IHtmlInputElement>("#push-StatementShared")!.IsChecked = true;
        await browser.SubmitAsync(subscribed, "#notification-settings-form");
        var statement = await ShareAsync(a);
        await RunPusherAsync();
        await RunPusherAsync();
        var received = await service.MessagesAsync(subscription.ClientHash);
        await service.ExpireAsync(subscription.ClientHash);
        await ShareAsync(a);
        await RunPusherAsync();

        Assert.Contains("Push is on for this device", subscribed.Text, StringComparison.Ordinal);
        var payload = JsonSerializer.Deserialize<Dictionary<string, string>>(Assert.Single(received))!;
        Assert.Equal(new Dictionary<string, string> { ["kind"] = "StatementShared", ["url"] = $"/Feelings/Statement/{statement}" }, payload);
        Assert.Equal(0, await app.WithDbAsync(db => db.PushDevices.CountAsync(d => d.UserId == b.Id)));
    }
}
