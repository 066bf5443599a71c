using Microsoft.EntityFrameworkCore;
using TrustCheckIn.Common;
using TrustCheckIn.Couples;
using TrustCheckIn.Data;

namespace TrustCheckIn.Expectations;

// The couple whose table the actor reads or writes, as every expectations service loads it.
internal sealed record ExpectationCouple(int Id, bool IsClosed, string PartnerAId, string PartnerAName, string PartnerBName, string TimeZoneId)
{
    public string NameOf(string userId, string actorId) =>
        userId == actorId ? "You" : userId == PartnerAId ? PartnerAName : PartnerBName;

    public string PartnerNameFor(string actorId) => actorId == PartnerAId ? PartnerBName : PartnerAName;
}

internal sealed record ReviewState(int IntervalWeeks, DateTime? LastReviewedAt, string? ConfirmedById, bool IsOverdue);

// Queries the rows, review and follow-through services share, each written once.
internal static class ExpectationQueries
{
    // The couple someone is in now, or else the one they were last in (read-only once closed).
    public static Task<ExpectationCouple?> ReadableCoupleAsync(this AppDbContext db, string userId, CancellationToken ct) =>
        db.Couples.AsNoTracking()
            .AnyFor(userId)
            .OrderBy(c => c.ClosedAt == null ? 0 : 1).ThenByDescending(c => c.ClosedAt)
            .Select(c => new ExpectationCouple(c.Id, c.ClosedAt != null, c.PartnerAId, c.PartnerA!.DisplayName, c.PartnerB!.DisplayName, c.TimeZoneId))
            .FirstOrDefaultAsync(ct);

    // Only an active couple's table changes: a closed couple's says so, no couple at all is "not found".
    public static async Task<Result<ExpectationCouple>> WritableCoupleAsync(this AppDbContext db, string userId)
    {
        var couple = await db.Couples.AsNoTracking()
            .ActiveFor(userId)
            .Select(c => new ExpectationCouple(c.Id, false, c.PartnerAId, c.PartnerA!.DisplayName, c.PartnerB!.DisplayName, c.TimeZoneId))
            .SingleOrDefaultAsync();
        if (couple is not null)
        {
            return couple;
        }

        return await db.Couples.AnyFor(userId).AnyAsync() ? ExpectationService.ReadOnly : ExpectationService.RowNotFound;
    }

    // A row of the actor's active couple, tracked for a change; removed rows only when asked for (undo).
    public static async Task<Result<Expectation>> WritableRowAsync(this AppDbContext db, string userId, int id, bool includeRemoved)
    {
        var couple = await db.WritableCoupleAsync(userId);
        if (!couple.Succeeded)
        {
            return couple.Error;
        }

        var coupleId = couple.Value.Id;
        var row = await db.Expectations.SingleOrDefaultAsync(e => e.Id == id && e.CoupleId == coupleId && (includeRemoved || e.RemovedAt == null));
        return row is null ? ExpectationService.RowNotFound : row;
    }

    // The rows still in the table, in order, with how often each was done and noticed in the summary window.
    public static IQueryable<RowLately> RowsLately(this AppDbContext db, int coupleId, DateTime now)
    {
        var since = now.AddDays(-FollowThroughSummary.WindowDays);
        return db.Expectations.AsNoTracking()
            .Where(e => e.CoupleId == coupleId && e.RemovedAt == null)
            .OrderBy(e => e.Position).ThenBy(e => e.Id)
            .Select(e => new RowLately(e.Id, e.Need, e.Action, e.Frequency, e.CustomFrequency,
                db.FollowThroughs.Count(f => f.ExpectationId == e.Id && f.DoneAt >= since),
                db.FollowThroughs.Count(f => f.ExpectationId == e.Id && f.DoneAt >= since && f.NoticedAt != null), e.StarterKey));
    }

    public static async Task<ReviewState> ReviewStateAsync(this AppDbContext db, int coupleId, bool isClosed, DateTime now, CancellationToken ct)
    {
        // One statement: the table's settings and, for a table never reviewed, when its oldest row was written.
        var tables = db.ExpectationTables.Where(t => t.CoupleId == coupleId);
        var table = await db.Couples.AsNoTracking()
            .Where(c => c.Id == coupleId)
            .Select(c => new
            {
                Interval = tables.Select(t => (int?)t.ReviewIntervalWeeks).FirstOrDefault(),
                LastReviewedAt = tables.Select(t => t.LastReviewedAt).FirstOrDefault(),
                ConfirmedById = tables.Select(t => t.ReviewConfirmedById).FirstOrDefault(),
                FirstRow = db.Expectations.Where(e => e.CoupleId == coupleId && e.RemovedAt == null).Min(e => (DateTime?)e.CreatedAt),
            })
            .SingleOrDefaultAsync(ct);
        var interval = table?.Interval ?? ExpectationTable.DefaultReviewIntervalWeeks;
        // Never reviewed yet: the clock starts when the first row still in the table was written.
        var since = table?.LastReviewedAt ?? table?.FirstRow;
        return new ReviewState(interval, table?.LastReviewedAt, table?.ConfirmedById,
            !isClosed && ExpectationTable.IsOverdue(since, interval, now));
    }
}

// A row with its recent follow-through: counts only, never notes.
internal sealed record RowLately(int Id, string Need, string Action, ExpectationFrequency Frequency, string? CustomFrequency, int Done, int Noticed, string? StarterKey);
