namespace TrustCheckIn.Expectations;

// A gentle sentence about the last few weeks: a count in words, never a score, rank or streak.
public static class FollowThroughSummary
{
    public const int WindowDays = 28;

    public static string Sentence(int done, int noticed)
    {
        if (done == 0)
        {
            return "Nothing noted here in the last 4 weeks.";
        }

        var times = Times(done);
        if (noticed == 0)
        {
            return $"Done {times} in the last 4 weeks.";
        }

        return noticed >= done
            ? $"Done {times} in the last 4 weeks, and noticed {(done == 1 ? "too" : "each time")}."
            : $"Done {times} in the last 4 weeks, and noticed {Times(noticed)}.";
    }

    private static string Times(int count) => count switch
    {
        1 => "once",
        2 => "twice",
        _ => $"{count} times",
    };
}
