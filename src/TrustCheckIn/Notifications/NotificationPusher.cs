using System.Net;
using System.Text.Json;
using Lib.Net.Http.WebPush;
using Lib.Net.Http.WebPush.Authentication;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TrustCheckIn.Data;
using TrustCheckIn.Reminders;

namespace TrustCheckIn.Notifications;

// One pass: each item not yet looked at for push is claimed (a conditional update only one run wins) and, when
// the person wants that kind by push and is not in quiet hours, sent to each of their devices. The payload is
// the kind and the path, never words. A device the push service calls gone (404/410) is removed.
public sealed class NotificationPusher(IServiceScopeFactory scopes, TimeProvider time, VapidKeys keys, IOptions<AppOptions> app, HttpClient http, ILogger<NotificationPusher> logger)
{
    private const int BatchSize = 500;

    private readonly PushServiceClient client = new(http)
    {
        DefaultAuthentication = new VapidAuthentication(keys.PublicKey, keys.PrivateKey) { Subject = app.Value.BaseUrl },
        DefaultAuthenticationScheme = VapidAuthenticationScheme.Vapid,
    };

    public async Task RunOnceAsync(CancellationToken ct = default)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var now = time.GetUtcNow().UtcDateTime;
            var waiting = await db.Notifications.AsNoTracking().Where(n => !n.PushHandled).OrderBy(n => n.Id).Take(BatchSize)
                .Select(n => new { n.Id, n.RecipientId, n.Kind, n.Url }).ToListAsync(ct);
            foreach (var person in waiting.GroupBy(n => n.RecipientId))
            {
                var settings = await db.NotificationSettings.AsNoTracking().SingleOrDefaultAsync(s => s.UserId == person.Key, ct) ?? NotificationSettings.Defaults(person.Key);
                // Held until the quiet hours end; nothing wanted by push is simply marked as looked at.
                var quiet = settings.IsQuietAt(await NotificationMailer.LocalTimeAsync(db, settings, now, ct));
                foreach (var item in person.Where(n => !quiet || !settings.Wants(NotificationChannel.Push, n.Kind)))
                {
                    var claimed = await db.Notifications.Where(n => n.Id == item.Id && !n.PushHandled).ExecuteUpdateAsync(s => s.SetProperty(n => n.PushHandled, true), ct) == 1;
                    if (claimed && settings.Wants(NotificationChannel.Push, item.Kind))
                    {
                        await SendAsync(db, person.Key, JsonSerializer.Serialize(new { kind = item.Kind.ToString(), url = item.Url }), ct);
                    }
                }
            }
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            logger.LogError(exception, "Push run failed; it is tried again on the next run");
        }
    }

    private async Task SendAsync(AppDbContext db, string userId, string payload, CancellationToken ct)
    {
        var devices = await db.PushDevices.AsNoTracking().Where(d => d.UserId == userId).ToListAsync(ct);
        foreach (var device in devices)
        {
            var subscription = new PushSubscription { Endpoint = device.Endpoint };
            subscription.SetKey(PushEncryptionKeyName.P256DH, device.P256dh);
            subscription.SetKey(PushEncryptionKeyName.Auth, device.Auth);
            try
            {
                await client.RequestPushMessageDeliveryAsync(subscription, new PushMessage(payload) { TimeToLive = (int)TimeSpan.FromDays(1).TotalSeconds }, ct);
                logger.LogInformation("Push sent to device {DeviceId} of user {UserId}", device.Id, userId);
            }
            catch (PushServiceClientException gone) when (gone.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Gone)
            {
                await db.PushDevices.Where(d => d.Id == device.Id).ExecuteDeleteAsync(ct);
                logger.LogInformation("Push device {DeviceId} of user {UserId} is gone; removed", device.Id, userId);
            }
            catch (Exception exception) when (exception is HttpRequestException or PushServiceClientException or TaskCanceledException && !ct.IsCancellationRequested)
            {
                // Push is best effort: a failed send is not repeated, the item is still in the app.
                logger.LogWarning("Push to device {DeviceId} failed ({Error})", device.Id, exception.GetType().Name);
            }
        }
    }
}
