using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TrustCheckIn.Couples;
using TrustCheckIn.Data;
using TrustCheckIn.Email;
using TrustCheckIn.Operations;
using TrustCheckIn.Reminders;

namespace TrustCheckIn.Notifications;

// One pass: for each person with items not yet looked at, decide in one immediate transaction which go by e-mail
// and claim them into a digest (unless they are in quiet hours or had a mail in the last 15 minutes: then they
// wait); then send every claimed digest whose attempt time has come. Safe to run concurrently and after a crash.
public sealed class NotificationMailer(
    IServiceScopeFactory scopes,
    TimeProvider time,
    IEmailSender sender,
    UnsubscribeTokens unsubscribeTokens,
    IOptions<AppOptions> appOptions,
    ILogger<NotificationMailer> logger)
{
    private const int BatchSize = 500;

    private DateTime Now => time.GetUtcNow().UtcDateTime;

    public Task RunOnceAsync(CancellationToken ct = default) => ClaimThenSend.RunAsync(logger, "Notification mail run", ClaimAsync, SendClaimedAsync, ct);

    private async Task ClaimAsync(CancellationToken ct)
    {
        List<string> recipients;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            recipients = await db.Notifications.AsNoTracking()
                .Where(n => n.EmailDigestId == null)
                .OrderBy(n => n.Id).Take(BatchSize)
                .Select(n => n.RecipientId)
                .ToListAsync(ct);
        }

        foreach (var recipient in recipients.Distinct())
        {
            await ClaimForAsync(recipient, ct);
        }
    }

    // One writer at a time (BEGIN IMMEDIATE on SQLite, PostgresWriteLock on PostgreSQL): the look and the claim are one step, so two runs cannot both take an item.
    private async Task ClaimForAsync(string userId, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var waiting = await db.Notifications.Where(n => n.RecipientId == userId && n.EmailDigestId == null).ToListAsync(ct);
        if (waiting.Count == 0)
        {
            return;
        }

        var settings = await db.NotificationSettings.AsNoTracking().SingleOrDefaultAsync(s => s.UserId == userId, ct) ?? NotificationSettings.Defaults(userId);
        var confirmed = await db.Users.AnyAsync(u => u.Id == userId && u.EmailConfirmed, ct);
        var unwanted = waiting.Where(n => !confirmed || !settings.Wants(NotificationChannel.Email, n.Kind)).ToList();
        unwanted.ForEach(n => n.ClaimForEmail(Notification.NotByEmail));
        var wanted = waiting.Except(unwanted).ToList();
        var now = Now;
        if (wanted.Count > 0 && !settings.IsQuietAt(await LocalTimeAsync(db, settings, now, ct))
            && !await db.NotificationDigests.AnyAsync(d => d.UserId == userId && d.Channel == NotificationChannel.Email && d.ClaimedAt > now - NotificationDigest.BatchWindow, ct))
        {
            var digest = new NotificationDigest(userId, NotificationChannel.Email, now);
            db.NotificationDigests.Add(digest);
            await db.SaveChangesAsync(ct);
            wanted.ForEach(n => n.ClaimForEmail(digest.Id));
            logger.LogInformation("Claimed notification mail {DigestId} for user {UserId} ({Count} items)", digest.Id, userId, wanted.Count);
        }

        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
    }

    // The person's own zone if they chose one, else their couple's, else UTC.
    internal static async Task<TimeOnly> LocalTimeAsync(AppDbContext db, NotificationSettings settings, DateTime now, CancellationToken ct)
    {
        var zoneId = settings.TimeZoneId ?? await db.Couples.AsNoTracking().ActiveFor(settings.UserId).Select(c => c.TimeZoneId).FirstOrDefaultAsync(ct) ?? "UTC";
        return TimeOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(now, TimeZoneInfo.FindSystemTimeZoneById(zoneId)));
    }

    private async Task SendClaimedAsync(CancellationToken ct)
    {
        var now = Now;
        List<int> ready;
        await using (var scope = scopes.CreateAsyncScope())
        {
            ready = await scope.ServiceProvider.GetRequiredService<AppDbContext>().NotificationDigests.AsNoTracking()
                .Where(d => d.Status == DeliveryStatus.Pending && d.NextAttemptAt <= now)
                .OrderBy(d => d.NextAttemptAt).ThenBy(d => d.Id)
                .Select(d => d.Id)
                .Take(BatchSize)
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
                logger.LogError(exception, "Notification mail {DigestId} could not be updated", id);
            }
        }
    }

    private async Task AttemptAsync(int digestId, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var digest = await db.NotificationDigests.SingleAsync(d => d.Id == digestId, ct);
        if (!digest.IsDue(Now))
        {
            return;
        }

        digest.BeginAttempt(Now);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Another run took this attempt (the Version moved on): it sends, this one does not.
            return;
        }

        var kinds = await db.Notifications.AsNoTracking().Where(n => n.EmailDigestId == digest.Id).Select(n => n.Kind).ToListAsync(ct);
        var person = await db.Users.AsNoTracking().Where(u => u.Id == digest.UserId && u.EmailConfirmed).Select(u => new { u.Email, u.DisplayName }).SingleOrDefaultAsync(ct);
        if (person?.Email is null || kinds.Count == 0)
        {
            digest.Cancel();
            await db.SaveChangesAsync(ct);
            return;
        }

        try
        {
            await sender.SendAsync(NotificationMail.Compose(person.Email, person.DisplayName, kinds, appOptions.Value, kind => unsubscribeTokens.Create(digest.UserId, kind)), ct);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            digest.MarkAttemptFailed(Now);
            await db.SaveChangesAsync(CancellationToken.None);
            // The type only: a mail server's message may quote the address.
            logger.LogWarning("Notification mail {DigestId} could not be sent (attempt {Attempt}, {Error}); status {Status}, next try {NextAttemptAt:O}",
                digest.Id, digest.Attempts, exception.GetType().Name, digest.Status, digest.NextAttemptAt);
            return;
        }

        digest.MarkSent(Now);
        await db.SaveChangesAsync(CancellationToken.None);
        logger.LogInformation("Notification mail {DigestId} sent to user {UserId}", digest.Id, digest.UserId);
    }
}
