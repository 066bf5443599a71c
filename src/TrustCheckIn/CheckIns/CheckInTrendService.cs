using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using TrustCheckIn.Couples;
using TrustCheckIn.Data;

namespace TrustCheckIn.CheckIns;

// Trend charts of the five ratings, averaged in SQL per partner and bucket.
public sealed class CheckInTrendService(AppDbContext db, TimeProvider time)
{
    private sealed record Couple(int Id, string PartnerId, string PartnerDisplayName, string TimeZoneId, DateTime FormedAt);

    // Compiled once each (the history page runs them on every visit): the couple, and the averages by week or by month.
    private static readonly CompiledPerModel<Func<AppDbContext, string, CancellationToken, Task<Couple?>>> ChartCouple = new(() =>
        EF.CompileAsyncQuery(InlinedQueries.Expand((AppDbContext db, string userId, CancellationToken ct) =>
            db.Couples.AsNoTracking().ActiveFor(userId).SeenBy(userId)
                .Select(c => new Couple(c.Id, c.PartnerId, c.PartnerDisplayName, c.TimeZoneId, c.FormedAt))
                .SingleOrDefault())));

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
    private static IQueryable<CheckIn> Revealed(AppDbContext db, int coupleId, int firstKey, int currentKey, string? viewerId) => RevealedRun(db, coupleId, firstKey, currentKey, viewerId);

    private static readonly Expression<Func<AppDbContext, int, int, int, string?, IQueryable<CheckIn>>> RevealedQuery = (db, coupleId, firstKey, currentKey, viewerId) =>
        db.CheckIns.AsNoTracking()
            .Where(c => c.CoupleId == coupleId && c.WeekKey >= firstKey && c.WeekKey <= currentKey)
            .Where(c => c.WeekKey < currentKey || c.SealedAt != null || c.AuthorId == viewerId);

    private static readonly Func<AppDbContext, int, int, int, string?, IQueryable<CheckIn>> RevealedRun = RevealedQuery.Compile();

    [InlinedFrom(nameof(AveragedQuery))]
    private static IQueryable<TrendPoint> Averaged(IQueryable<IGrouping<Bucketed, CheckIn>> groups) => AveragedRun(groups);

    private static readonly Expression<Func<IQueryable<IGrouping<Bucketed, CheckIn>>, IQueryable<TrendPoint>>> AveragedQuery = groups =>
        groups.Select(g => new TrendPoint(
            g.Key.AuthorId,
            g.Key.Bucket,
            new Averages(
                g.Average(c => (double)c.Trust),
                g.Average(c => (double)c.FeelingHeard),
                g.Average(c => (double)c.Connection),
                g.Average(c => (double)c.FollowThrough),
                g.Average(c => (double)c.EmotionalSafety)),
            g.Count()));

    private static readonly Func<IQueryable<IGrouping<Bucketed, CheckIn>>, IQueryable<TrendPoint>> AveragedRun = AveragedQuery.Compile();

    // The actor's own scores always; the partner's only where the reveal rule allows.
    public async Task<TrendView?> GetTrendAsync(string userId, TrendPeriod period, CancellationToken ct = default)
    {
        var couple = await ChartCouple.For(db)(db, userId, ct);
        if (couple is null)
        {
            return null;
        }

        var zone = TimeZoneInfo.FindSystemTimeZoneById(couple.TimeZoneId);
        var current = IsoWeek.Current(time, zone);
        var points = await AggregateAsync(couple.Id, period, current, userId, ct);
        // The charts start at the week (or month) the couple formed: no empty stretch from before they were a couple.
        var formed = IsoWeek.Of(DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(couple.FormedAt, DateTimeKind.Utc), zone)));
        var firstKey = period == TrendPeriod.Weeks ? formed.Key : formed.MonthKey;
        var buckets = TrendBuckets.Keys(period, current)
            .Where(key => key >= firstKey)
            .Select(key => new TrendBucket(
                key,
                TrendBuckets.Start(period, key),
                points.SingleOrDefault(p => p.BucketKey == key && p.PartnerId == userId)?.Averages,
                points.SingleOrDefault(p => p.BucketKey == key && p.PartnerId == couple.PartnerId)?.Averages))
            .ToList();
        return new TrendView(period, couple.PartnerDisplayName, buckets);
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
