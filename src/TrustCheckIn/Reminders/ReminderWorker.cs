using Microsoft.Extensions.Hosting;

namespace TrustCheckIn.Reminders;

// Runs the dispatcher once a minute on the app's clock. Off with Reminders:Enabled=false (the tests drive the dispatcher themselves).
public sealed class ReminderWorker(ReminderDispatcher dispatcher, TimeProvider time) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, time);
        do
        {
            await dispatcher.RunOnceAsync(stoppingToken);
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
