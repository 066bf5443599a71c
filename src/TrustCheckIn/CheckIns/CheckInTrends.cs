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

public sealed record TrendBucket(int Key, string Label, Averages? Mine, Averages? Partner);

public sealed record TrendView(TrendPeriod Period, string PartnerDisplayName, IReadOnlyList<TrendBucket> Buckets);
