using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TrustCheckIn.Couples;
using TrustCheckIn.Data;
using TrustCheckIn.Email;
using TrustCheckIn.Operations;

namespace TrustCheckIn.Reminders;

// One pass: claim every reminder that is due (an insert the unique index lets only one run win), then
// send every claimed reminder whose attempt time has come. Safe to run concurrently and after a crash;
// it never throws, so a broken mail server cannot stop the app.
public sealed class ReminderDispatcher(
    IServiceScopeFactory scopes,
    TimeProvider time,
    IEmailSender sender,
    UnsubscribeTokens unsubscribeTokens,
    IOptions<AppOptions> appOptions,
    ILogger<ReminderDispatcher> logger)
{
    private const int BatchSize = 200;

    private DateTime Now => time.GetUtcNow().UtcDateTime;

    public Task RunOnceAsync(CancellationToken ct = default) => ClaimThenSend.RunAsync(logger, "Reminder run", ClaimDueAsync, SendClaimedAsync, ct);

    private async Task ClaimDueAsync(CancellationToken ct)
    {
        var now = Now;
        var afterId = 0;
        while (true)
        {
            List<ReminderPlanner.Due> unclaimed;
            await using (var scope = scopes.CreateAsyncScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
                var couples = await db.Couples.Where(c => c.ClosedAt == null && c.Id > afterId).OrderBy(c => c.Id).Take(BatchSize).AsRows().ToListAsync(ct);
                if (couples.Count == 0)
                {
                    return;
                }

                afterId = couples[^1].Id;
                var due = await ReminderPlanner.DueAsync(db, couples, now, ct);
                var userIds = due.Select(d => d.UserId).Distinct().ToList();
                var keys = due.Select(d => d.PeriodKey).Distinct().ToList();
                var claimed = (await db.ReminderDeliveries.AsNoTracking()
                        .Where(d => userIds.Contains(d.UserId) && keys.Contains(d.PeriodKey))
                        .Select(d => new ReminderPlanner.Due(d.UserId, d.Kind, d.PeriodKey))
                        .ToListAsync(ct))
                    .ToHashSet();
                unclaimed = due.Where(d => !claimed.Contains(d)).ToList();
            }

            foreach (var reminder in unclaimed)
            {
                await ClaimAsync(reminder, now, ct);
            }
        }
    }

    // Its own short transaction, committed before any mail goes out.
    private async Task ClaimAsync(ReminderPlanner.Due reminder, DateTime now, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        db.ReminderDeliveries.Add(new ReminderDelivery(reminder.UserId, reminder.Kind, reminder.PeriodKey, now));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another run claimed it first: the unique index decided, and that run sends it.
            logger.LogDebug("Reminder {Kind} {PeriodKey} for user {UserId} was claimed by another run", reminder.Kind, reminder.PeriodKey, reminder.UserId);
        }
    }

    private async Task SendClaimedAsync(CancellationToken ct)
    {
        var now = Now;
        List<int> ready;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            ready = await db.ReminderDeliveries.AsNoTracking()
                .Where(d => d.Status == DeliveryStatus.Pending && d.NextAttemptAt <= now)
                .OrderBy(d => d.NextAttemptAt).ThenBy(d => d.Id)
                .Select(d => d.Id)
                .Take(BatchSize * 5)
                .ToListAsync(ct);
        }

        foreach (var id in ready)
        {
            try
            {
                await AttemptAsync(id, ct);
            }
            catch (DbUpdateException exception)
            {
                // One reminder's trouble never holds up the others; it is tried again after its delay.
                logger.LogError(exception, "Reminder {DeliveryId} could not be updated", id);
            }
        }
    }

    private async Task AttemptAsync(int deliveryId, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var delivery = await db.ReminderDeliveries.SingleAsync(d => d.Id == deliveryId, ct);
        var now = Now;
        if (!delivery.IsDue(now))
        {
            return;
        }

        delivery.BeginAttempt(now);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Another run took this attempt (the Version moved on): it sends, this one does not.
            return;
        }

        var message = await StillWantedAsync(db, delivery, now, ct);
        if (message is null)
        {
            delivery.Cancel();
            await db.SaveChangesAsync(ct);
            logger.LogInformation("Reminder {DeliveryId} no longer needed", delivery.Id);
            return;
        }

        try
        {
            await sender.SendAsync(message, ct);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            delivery.MarkAttemptFailed(Now);
            await db.SaveChangesAsync(CancellationToken.None);
            // The type only: a mail server's message may quote the address.
            logger.LogWarning("Reminder {DeliveryId} could not be sent (attempt {Attempt}, {Error}); status {Status}, next try {NextAttemptAt:O}",
                delivery.Id, delivery.Attempts, exception.GetType().Name, delivery.Status, delivery.NextAttemptAt);
            return;
        }

        delivery.MarkSent(Now);
        await db.SaveChangesAsync(CancellationToken.None);
        logger.LogInformation("Reminder {DeliveryId} ({Kind}) sent to user {UserId}", delivery.Id, delivery.Kind, delivery.UserId);
    }

    // Checked again at send time: a partner may have checked in, turned reminders off or left since the claim.
    private async Task<EmailMessage?> StillWantedAsync(AppDbContext db, ReminderDelivery delivery, DateTime now, CancellationToken ct)
    {
        var couple = await db.Couples.ActiveFor(delivery.UserId).AsRows().SingleOrDefaultAsync(ct);
        if (couple is null)
        {
            return null;
        }

        var due = await ReminderPlanner.DueAsync(db, [couple], now, ct);
        if (!due.Contains(new ReminderPlanner.Due(delivery.UserId, delivery.Kind, delivery.PeriodKey)))
        {
            return null;
        }

        var person = await db.Users.AsNoTracking().Where(u => u.Id == delivery.UserId)
            .Select(u => new { u.Email, u.DisplayName })
            .SingleAsync(ct);
        return ReminderMail.Compose(delivery.Kind, person.Email!, person.DisplayName, appOptions.Value, unsubscribeTokens.Create(delivery.UserId, delivery.Kind));
    }
}
