using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace TrustCheckIn.Notifications;

// Once a minute on the app's clock: the notification mails and pushes; once an hour: read items past the retention period
// go. Off with Reminders:Enabled=false, like the reminder worker (the tests run both themselves).
public sealed class NotificationWorker(NotificationMailer mailer, NotificationPusher pusher, IServiceScopeFactory scopes, TimeProvider time, ILogger<NotificationWorker> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(1);

    public static readonly TimeSpan CleanUpInterval = TimeSpan.FromHours(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, time);
        var lastCleanUp = DateTimeOffset.MinValue;
        do
        {
            await mailer.RunOnceAsync(stoppingToken);
            await pusher.RunOnceAsync(stoppingToken);
            if (time.GetUtcNow() - lastCleanUp >= CleanUpInterval)
            {
                lastCleanUp = time.GetUtcNow();
                await CleanUpAsync(stoppingToken);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    private async Task CleanUpAsync(CancellationToken ct)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<NotificationService>().RemoveOldReadAsync(ct);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            logger.LogError(exception, "Notification clean-up failed; it is tried again in an hour");
        }
    }
}
