namespace TrustCheckIn.Journal;

public enum TrustPattern
{
    CheckingForReassurance,
    AvoidingVulnerability,
    ReadingThreats,
    TensionOverTimeApart,
    DoubtingApologies,
    Overthinking,
    GettingDefensive,
    Jealousy,
    PullingAway,
}

public static class TrustPatterns
{
    public const int Never = 0;
    public const int VeryOften = 4;

    public static IReadOnlyList<TrustPattern> All { get; } = Enum.GetValues<TrustPattern>();

    // Stored as 0..4; shown only as words, never as a number or a score.
    public static IReadOnlyList<string> FrequencyWords { get; } = ["never", "rarely", "sometimes", "often", "very often"];

    public static string Describe(this TrustPattern pattern) => pattern switch
    {
        TrustPattern.CheckingForReassurance => "Checking up on things, or needing reassurance",
        TrustPattern.AvoidingVulnerability => "Holding back from being vulnerable",
        TrustPattern.ReadingThreats => "Reading something neutral as a threat",
        TrustPattern.TensionOverTimeApart => "Feeling tense about time spent apart",
        TrustPattern.DoubtingApologies => "Finding an apology hard to believe",
        TrustPattern.Overthinking => "Overthinking",
        TrustPattern.GettingDefensive => "Getting defensive",
        TrustPattern.Jealousy => "Feeling jealous",
        TrustPattern.PullingAway => "Pulling away",
        _ => throw new ArgumentOutOfRangeException(nameof(pattern)),
    };

    public static bool IsFrequency(int value) => value is >= Never and <= VeryOften;

    public static string FrequencyWord(int value) => FrequencyWords[value];

    // An average across months, put back into words: "sometimes", or "between rarely and sometimes".
    public static string DescribeAverage(double average)
    {
        var nearest = (int)Math.Round(average, MidpointRounding.AwayFromZero);
        if (Math.Abs(average - nearest) < 0.25)
        {
            return FrequencyWords[nearest];
        }

        var lower = (int)Math.Floor(average);
        return $"between {FrequencyWords[lower]} and {FrequencyWords[lower + 1]}";
    }
}

public sealed record PatternRatings(
    int CheckingForReassurance,
    int AvoidingVulnerability,
    int ReadingThreats,
    int TensionOverTimeApart,
    int DoubtingApologies,
    int Overthinking,
    int GettingDefensive,
    int Jealousy,
    int PullingAway)
{
    public int this[TrustPattern pattern] => pattern switch
    {
        TrustPattern.CheckingForReassurance => CheckingForReassurance,
        TrustPattern.AvoidingVulnerability => AvoidingVulnerability,
        TrustPattern.ReadingThreats => ReadingThreats,
        TrustPattern.TensionOverTimeApart => TensionOverTimeApart,
        TrustPattern.DoubtingApologies => DoubtingApologies,
        TrustPattern.Overthinking => Overthinking,
        TrustPattern.GettingDefensive => GettingDefensive,
        TrustPattern.Jealousy => Jealousy,
        TrustPattern.PullingAway => PullingAway,
        _ => throw new ArgumentOutOfRangeException(nameof(pattern)),
    };

    public static PatternRatings From(IReadOnlyList<int> inPatternOrder)
    {
        if (inPatternOrder.Count != TrustPatterns.All.Count)
        {
            throw new ArgumentException("One rating per pattern.", nameof(inPatternOrder));
        }

        var r = inPatternOrder;
        return new PatternRatings(r[0], r[1], r[2], r[3], r[4], r[5], r[6], r[7], r[8]);
    }

    public bool AreAllFrequencies => TrustPatterns.All.All(p => TrustPatterns.IsFrequency(this[p]));
}
