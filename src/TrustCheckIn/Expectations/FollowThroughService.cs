using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using TrustCheckIn.Common;
using TrustCheckIn.Data;
using TrustCheckIn.Notifications;

namespace TrustCheckIn.Expectations;

// "I did this" on a row, "I noticed" from the partner, and the gentle counts of the last weeks.
public sealed class FollowThroughService(AppDbContext db, TimeProvider time, ILogger<FollowThroughService> logger)
{
    public const int RecentFollowThroughs = 50;

    public sealed record RowDetailView(int Id, ExpectationContent Content, bool IsClosed, string TimeZoneId, string FollowThroughSentence, IReadOnlyList<FollowThroughView> Recent);

    public sealed record FollowThroughView(int Id, string DoneByName, bool DoneByMe, DateTime DoneAt, string? Note, DateTime? NoticedAt, bool CanNotice);

    public sealed record FollowThroughCount(int ExpectationId, int Done, int Noticed);

    private DateTime Now => time.GetUtcNow().UtcDateTime;

    // For the therapist view: callers check consent first. Counts only, never notes.
    public async Task<List<FollowThroughCount>> GetFollowThroughCountsAsync(int coupleId, CancellationToken ct = default) =>
        (await db.RowsLatelyAsync(coupleId, Now, ct))
            .Select(r => new FollowThroughCount(r.Id, r.Done, r.Noticed))
            .ToList();

    public async Task<RowDetailView?> GetRowAsync(string userId, int id, CancellationToken ct = default)
    {
        var couple = await db.ReadableCoupleAsync(userId, ct);
        if (couple is null)
        {
            return null;
        }

        var row = await db.Expectations.AsNoTracking()
            .Where(e => e.Id == id && e.CoupleId == couple.Id && e.RemovedAt == null)
            .Select(e => new ExpectationContent(e.Need, e.Action, e.Frequency, e.CustomFrequency))
            .SingleOrDefaultAsync(ct);
        if (row is null)
        {
            return null;
        }

        var since = Now.AddDays(-FollowThroughSummary.WindowDays);
        var lately = db.FollowThroughs.AsNoTracking().Where(f => f.ExpectationId == id && f.DoneAt >= since);
        var done = await lately.CountAsync(ct);
        var noticed = await lately.CountAsync(f => f.NoticedAt != null, ct);
        var recent = await lately
            .OrderByDescending(f => f.DoneAt)
            .Take(RecentFollowThroughs)
            .Select(f => new { f.Id, f.DoneById, f.DoneAt, f.Note, f.NoticedAt })
            .ToListAsync(ct);
        return new RowDetailView(id, row, couple.IsClosed, couple.TimeZoneId, FollowThroughSummary.Sentence(done, noticed),
            recent.Select(f => new FollowThroughView(f.Id, couple.NameOf(f.DoneById, userId), f.DoneById == userId, f.DoneAt, f.Note, f.NoticedAt,
                !couple.IsClosed && f.NoticedAt is null && f.DoneById != userId)).ToList());
    }

    public async Task<Result> RecordFollowThroughAsync(string userId, int id, string? note)
    {
        if (note?.Trim().Length > FollowThrough.NoteLength)
        {
            return ServiceError.Invalid("Note", $"Please keep the note to {FollowThrough.NoteLength} characters.");
        }

        await using var transaction = await db.Database.BeginTransactionAsync();
        var found = await db.WritableRowAsync(userId, id, includeRemoved: false);
        if (!found.Succeeded)
        {
            return found.Error;
        }

        var followThrough = new FollowThrough(found.Value, userId, note, Now);
        db.FollowThroughs.Add(followThrough);
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        logger.LogInformation("User {UserId} noted follow-through {FollowThroughId} on expectation {ExpectationId}", userId, followThrough.Id, id);
        return Result.Ok;
    }

    public async Task<Result> NoticeAsync(string userId, int followThroughId)
    {
        await using var transaction = await db.Database.BeginTransactionAsync();
        var couple = await db.WritableCoupleAsync(userId);
        if (!couple.Succeeded)
        {
            return couple.Error;
        }

        var coupleId = couple.Value.Id;
        var followThrough = await db.FollowThroughs.SingleOrDefaultAsync(f => f.Id == followThroughId && f.CoupleId == coupleId);
        if (followThrough is null)
        {
            return ServiceError.NotFound("note");
        }

        if (followThrough.DoneById == userId)
        {
            return ServiceError.RefusedByRule("This one is yours, so it's for your partner to notice.");
        }

        if (followThrough.NoticedAt is null)
        {
            followThrough.Notice(userId, Now);
            db.Tell(followThrough.DoneById, NotificationKind.FollowThroughNoticed, coupleId, userId, $"/Expectations/Row/{followThrough.ExpectationId}", Now);
            await db.SaveChangesAsync();
            await transaction.CommitAsync();
            logger.LogInformation("User {UserId} noticed follow-through {FollowThroughId}", userId, followThroughId);
        }

        return Result.Ok;
    }
}
