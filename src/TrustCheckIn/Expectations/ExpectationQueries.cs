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
    // The reads behind every expectations page, compiled once: a LINQ query is otherwise re-parsed, hashed and
    // its captured values evaluated on every request, which cost more than running its SQL.
    private static readonly CompiledPerModel<Func<AppDbContext, string, CancellationToken, Task<ExpectationCouple?>>> ReadableCouple = new(() =>
        EF.CompileAsyncQuery(InlinedQueries.Expand((AppDbContext db, string userId, CancellationToken ct) =>
            db.Couples.AsNoTracking().AnyFor(userId)
                .OrderBy(c => c.ClosedAt == null ? 0 : 1).ThenByDescending(c => c.ClosedAt)
                .Select(c => new ExpectationCouple(c.Id, c.ClosedAt != null, c.PartnerAId, c.PartnerA!.DisplayName, c.PartnerB!.DisplayName, c.TimeZoneId))
                .FirstOrDefault())));

    // A table never holds more than MaxRows rows, so the Take only bounds the read.
    private static readonly CompiledPerModel<Func<AppDbContext, int, DateTime, IAsyncEnumerable<RowLately>>> Rows = new(() =>
        EF.CompileAsyncQuery((AppDbContext db, int coupleId, DateTime since) =>
            db.Expectations.AsNoTracking()
                .Where(e => e.CoupleId == coupleId && e.RemovedAt == null)
                .OrderBy(e => e.Position).ThenBy(e => e.Id)
                .Take(ExpectationService.MaxRows)
                .Select(e => new RowLately(e.Id, e.Need, e.Action, e.Frequency, e.CustomFrequency,
                    db.FollowThroughs.Count(f => f.ExpectationId == e.Id && f.DoneAt >= since),
                    db.FollowThroughs.Count(f => f.ExpectationId == e.Id && f.DoneAt >= since && f.NoticedAt != null), e.StarterKey))));

    private static readonly CompiledPerModel<Func<AppDbContext, int, CancellationToken, Task<ReviewRow?>>> Review = new(() =>
        EF.CompileAsyncQuery((AppDbContext db, int coupleId, CancellationToken ct) =>
            (from c in db.Couples.AsNoTracking()
             where c.Id == coupleId
             join t in db.ExpectationTables on c.Id equals t.CoupleId into table
             from t in table.DefaultIfEmpty()
             select new ReviewRow(
                 t == null ? null : t.ReviewIntervalWeeks,
                 t == null ? null : t.LastReviewedAt,
                 t == null ? null : t.ReviewConfirmedById,
                 db.Expectations.Where(e => e.CoupleId == coupleId && e.RemovedAt == null).Min(e => (DateTime?)e.CreatedAt)))
                .SingleOrDefault()));

    private sealed record ReviewRow(int? Interval, DateTime? LastReviewedAt, string? ConfirmedById, DateTime? FirstRow);

    // The couple someone is in now, or else the one they were last in (read-only once closed).
    public static Task<ExpectationCouple?> ReadableCoupleAsync(this AppDbContext db, string userId, CancellationToken ct) =>
        ReadableCouple.For(db)(db, userId, ct);

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
    public static async Task<List<RowLately>> RowsLatelyAsync(this AppDbContext db, int coupleId, DateTime now, CancellationToken ct)
    {
        var rows = new List<RowLately>();
        await foreach (var row in Rows.For(db)(db, coupleId, now.AddDays(-FollowThroughSummary.WindowDays)).WithCancellation(ct))
        {
            rows.Add(row);
        }

        return rows;
    }

    public static async Task<ReviewState> ReviewStateAsync(this AppDbContext db, int coupleId, bool isClosed, DateTime now, CancellationToken ct)
    {
        // One statement: the table's settings and, for a table never reviewed, when its oldest row was written.
        var table = await Review.For(db)(db, coupleId, ct);
        var interval = table?.Interval ?? ExpectationTable.DefaultReviewIntervalWeeks;
        // Never reviewed yet: the clock starts when the first row still in the table was written.
        var since = table?.LastReviewedAt ?? table?.FirstRow;
        return new ReviewState(interval, table?.LastReviewedAt, table?.ConfirmedById,
            !isClosed && ExpectationTable.IsOverdue(since, interval, now));
    }
}

// A row with its recent follow-through: counts only, never notes.
internal sealed record RowLately(int Id, string Need, string Action, ExpectationFrequency Frequency, string? CustomFrequency, int Done, int Noticed, string? StarterKey);
