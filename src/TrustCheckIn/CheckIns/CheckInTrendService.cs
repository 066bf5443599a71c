using Microsoft.EntityFrameworkCore;
using TrustCheckIn.Couples;
using TrustCheckIn.Data;

namespace TrustCheckIn.CheckIns;

// Trend charts of the five ratings, averaged in SQL per partner and bucket.
public sealed class CheckInTrendService(AppDbContext db, TimeProvider time)
{
    // Compiled once each (the history page runs them on every visit): the averages by week or by month.
    private static readonly CompiledPerModel<Func<AppDbContext, int, int, int, string?, IAsyncEnumerable<TrendPoint>>> ByWeek = new(() =>
        EF.CompileAsyncQuery(InlinedQueries.Expand((AppDbContext db, int coupleId, int firstKey, int currentKey, string? viewerId) =>
            Averaged(Revealed(db, coupleId, firstKey, currentKey, viewerId).GroupBy(c => new Bucketed { AuthorId = c.AuthorId, Bucket = c.WeekKey })))));

    private static readonly CompiledPerModel<Func<AppDbContext, int, int, int, string?, int, IAsyncEnumerable<TrendPoint>>> ByMonth = new(() =>
        EF.CompileAsyncQuery(InlinedQueries.Expand((AppDbContext db, int coupleId, int firstKey, int currentKey, string? viewerId, int firstMonth) =>
            Averaged(Revealed(db, coupleId, firstKey, currentKey, viewerId).Where(c => c.MonthKey >= firstMonth).GroupBy(c => new Bucketed { AuthorId = c.AuthorId, Bucket = c.MonthKey })))));

    // Settable members: EF groups by a member initialisation (as by an anonymous type), not by a constructor call.
    private sealed class Bucketed
    {
        public string AuthorId { get; init; } = "";

        public int Bucket { get; init; }
    }

    // The couple's check-ins of the charted weeks. This week's partner scores count only once sealed: the chart must not
    // reveal them early.
    [InlinedFrom(nameof(RevealedQuery))]
    private static IQueryable<CheckIn> Revealed(AppDbContext db, int coupleId, int firstKey, int currentKey, string? viewerId) => RevealedQuery.Run(db, coupleId, firstKey, currentKey, viewerId);

    private static readonly Inlined<Func<AppDbContext, int, int, int, string?, IQueryable<CheckIn>>> RevealedQuery = new((db, coupleId, firstKey, currentKey, viewerId) =>
        db.CheckIns.AsNoTracking()
            .Where(c => c.CoupleId == coupleId && c.WeekKey >= firstKey && c.WeekKey <= currentKey)
            .Where(c => c.WeekKey < currentKey || c.SealedAt != null || c.AuthorId == viewerId));

    [InlinedFrom(nameof(AveragedQuery))]
    private static IQueryable<TrendPoint> Averaged(IQueryable<IGrouping<Bucketed, CheckIn>> groups) => AveragedQuery.Run(groups);

    private static readonly Inlined<Func<IQueryable<IGrouping<Bucketed, CheckIn>>, IQueryable<TrendPoint>>> AveragedQuery = new(groups =>
        groups.Select(g => new TrendPoint(
            g.Key.AuthorId,
            g.Key.Bucket,
            new Averages(
                g.Average(c => (double)c.Trust),
                g.Average(c => (double)c.FeelingHeard),
                g.Average(c => (double)c.Connection),
                g.Average(c => (double)c.FollowThrough),
                g.Average(c => (double)c.EmotionalSafety)),
            g.Count())));

    // For a couple the service layer has already found as the person's active one (the history page): the actor's own
    // scores always, the partner's only where the reveal rule allows.
    internal async Task<TrendView> TrendOfAsync(string userId, int coupleId, string partnerId, string partnerName, TimeZoneInfo zone, DateTime formedAt, TrendPeriod period, CancellationToken ct)
    {
        var current = IsoWeek.Current(time, zone);
        var points = await AggregateAsync(coupleId, period, current, userId, ct);
        // The charts start at the week (or month) the couple formed: no empty stretch from before they were a couple.
        var formed = IsoWeek.Of(DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(formedAt, DateTimeKind.Utc), zone)));
        var firstKey = period == TrendPeriod.Weeks ? formed.Key : formed.MonthKey;
        var buckets = TrendBuckets.Keys(period, current)
            .Where(key => key >= firstKey)
            .Select(key => new TrendBucket(
                key,
                TrendBuckets.Start(period, key),
                points.SingleOrDefault(p => p.BucketKey == key && p.PartnerId == userId)?.Averages,
                points.SingleOrDefault(p => p.BucketKey == key && p.PartnerId == partnerId)?.Averages))
            .ToList();
        return new TrendView(period, partnerName, buckets);
    }

    // For features that have already checked access (reminders, a consenting therapist's dashboard): only revealed weeks.
    public async Task<CoupleTrend?> GetCoupleTrendAsync(int coupleId, TrendPeriod period, CancellationToken ct = default)
    {
        var timeZoneId = await db.Couples.Where(c => c.Id == coupleId).Select(c => c.TimeZoneId).SingleOrDefaultAsync(ct);
        if (timeZoneId is null)
        {
            return null;
        }

        var current = IsoWeek.Current(time, TimeZoneInfo.FindSystemTimeZoneById(timeZoneId));
        var points = await AggregateAsync(coupleId, period, current, null, ct);
        return new CoupleTrend(coupleId, period, TrendBuckets.Keys(period, current), points);
    }

    // Averages come from SQL (GROUP BY partner and bucket): a chart never loads the rows themselves.
    private async Task<List<TrendPoint>> AggregateAsync(int coupleId, TrendPeriod period, IsoWeek current, string? viewerId, CancellationToken ct)
    {
        var keys = TrendBuckets.Keys(period, current);
        var firstWeek = period == TrendPeriod.Weeks ? IsoWeek.FromKey(keys[0]) : TrendBuckets.FirstWeekOfMonth(keys[0]);
        var (firstKey, currentKey, firstMonth) = (firstWeek.Key, current.Key, keys[0]);
        var points = period == TrendPeriod.Weeks
            ? ByWeek.For(db)(db, coupleId, firstKey, currentKey, viewerId)
            : ByMonth.For(db)(db, coupleId, firstKey, currentKey, viewerId, firstMonth);
        return await points.ToListAsync(ct);
    }
}
