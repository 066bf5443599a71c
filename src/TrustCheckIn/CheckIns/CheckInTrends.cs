namespace TrustCheckIn.CheckIns;

public enum TrendPeriod
{
    Weeks,
    Months,
}

public sealed record Averages(double Trust, double FeelingHeard, double Connection, double FollowThrough, double EmotionalSafety)
{
    public double this[CheckInDimension dimension] => dimension switch
    {
        CheckInDimension.Trust => Trust,
        CheckInDimension.FeelingHeard => FeelingHeard,
        CheckInDimension.Connection => Connection,
        CheckInDimension.FollowThrough => FollowThrough,
        CheckInDimension.EmotionalSafety => EmotionalSafety,
        _ => throw new ArgumentOutOfRangeException(nameof(dimension)),
    };
}

// One partner's averages in one bucket: a week key (202647) or a month key (202611).
public sealed record TrendPoint(string PartnerId, int BucketKey, Averages Averages, int CheckIns);

public sealed record CoupleTrend(int CoupleId, TrendPeriod Period, IReadOnlyList<int> BucketKeys, IReadOnlyList<TrendPoint> Points);

// Start is the bucket's first day (a week's Monday, a month's 1st): pages write it in the reader's locale.
public sealed record TrendBucket(int Key, DateOnly Start, Averages? Mine, Averages? Partner);

public sealed record TrendView(TrendPeriod Period, string PartnerDisplayName, IReadOnlyList<TrendBucket> Buckets);

// The buckets a trend chart shows: the last 12 weeks or months, keyed like the check-ins they hold.
public static class TrendBuckets
{
    public const int Length = 12;

    public static DateOnly Start(TrendPeriod period, int key) => period == TrendPeriod.Weeks ? IsoWeek.FromKey(key).Start : FirstOfMonth(key);

    public static IReadOnlyList<int> Keys(TrendPeriod period, IsoWeek current) => period == TrendPeriod.Weeks
        ? Enumerable.Range(0, Length).Select(i => current.AddWeeks(i - (Length - 1)).Key).ToList()
        : Enumerable.Range(0, Length).Select(i => MonthKeyOf(FirstOfMonth(current.MonthKey).AddMonths(i - (Length - 1)))).ToList();

    private static DateOnly FirstOfMonth(int monthKey) => new(monthKey / 100, monthKey % 100, 1);

    private static int MonthKeyOf(DateOnly date) => (date.Year * 100) + date.Month;

    public static IsoWeek FirstWeekOfMonth(int monthKey)
    {
        var week = IsoWeek.Of(FirstOfMonth(monthKey));
        return week.MonthKey == monthKey ? week : week.Next;
    }
}
