using Microsoft.EntityFrameworkCore;
using TrustCheckIn.Couples;
using TrustCheckIn.Data;

namespace TrustCheckIn.CheckIns;

// Trend charts of the five ratings, averaged in SQL per partner and bucket.
public sealed class CheckInTrendService(AppDbContext db, TimeProvider time)
{
    // The actor's own scores always; the partner's only where the reveal rule allows.
    public async Task<TrendView?> GetTrendAsync(string userId, TrendPeriod period, CancellationToken ct = default)
    {
        var couple = await db.Couples.AsNoTracking().ActiveFor(userId).SeenBy(userId)
            .Select(c => new { c.Id, c.PartnerId, c.PartnerDisplayName, c.TimeZoneId, c.FormedAt })
            .SingleOrDefaultAsync(ct);
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
        var rows = db.CheckIns.AsNoTracking()
            .Where(c => c.CoupleId == coupleId && c.WeekKey >= firstKey && c.WeekKey <= currentKey)
            // This week's partner scores count only once sealed: the chart must not reveal them early.
            .Where(c => c.WeekKey < currentKey || c.SealedAt != null || c.AuthorId == viewerId);
        var grouped = period == TrendPeriod.Weeks
            ? rows.GroupBy(c => new { c.AuthorId, Bucket = c.WeekKey })
            : rows.Where(c => c.MonthKey >= firstMonth).GroupBy(c => new { c.AuthorId, Bucket = c.MonthKey });
        return await grouped
            .Select(g => new TrendPoint(
                g.Key.AuthorId,
                g.Key.Bucket,
                new Averages(
                    g.Average(c => (double)c.Trust),
                    g.Average(c => (double)c.FeelingHeard),
                    g.Average(c => (double)c.Connection),
                    g.Average(c => (double)c.FollowThrough),
                    g.Average(c => (double)c.EmotionalSafety)),
                g.Count()))
            .ToListAsync(ct);
    }
}
