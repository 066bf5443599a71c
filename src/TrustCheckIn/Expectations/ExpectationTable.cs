namespace TrustCheckIn.Expectations;

// The couple's settings for the table as a whole: how often they revisit it and the review in progress.
public sealed class ExpectationTable
{
    public const int DefaultReviewIntervalWeeks = 4;

    public static IReadOnlyList<int> ReviewIntervalChoices { get; } = [2, 4, 8, 12];

    private ExpectationTable()
    {
    }

    internal ExpectationTable(int coupleId)
    {
        CoupleId = coupleId;
        ReviewIntervalWeeks = DefaultReviewIntervalWeeks;
        Version = 1;
    }

    public int Id { get; private set; }

    public int CoupleId { get; private set; }

    public int ReviewIntervalWeeks { get; private set; }

    public DateTime? LastReviewedAt { get; private set; }

    // The first partner's "reviewed together", waiting for the other's.
    public string? ReviewConfirmedById { get; private set; }

    public DateTime? ReviewConfirmedAt { get; private set; }

    public int Version { get; private set; }

    public static bool IsOverdue(DateTime? since, int intervalWeeks, DateTime now) =>
        since is { } from && now - from > TimeSpan.FromDays(7 * intervalWeeks);

    public void ChangeReviewInterval(int weeks)
    {
        if (!ReviewIntervalChoices.Contains(weeks))
        {
            throw new ArgumentOutOfRangeException(nameof(weeks), "The review interval is 2, 4, 8 or 12 weeks.");
        }

        ReviewIntervalWeeks = weeks;
        Version++;
    }

    public ReviewStep ConfirmReview(string userId, DateTime now)
    {
        if (ReviewConfirmedById == userId)
        {
            return ReviewStep.WaitingForPartner;
        }

        if (ReviewConfirmedById is null)
        {
            ReviewConfirmedById = userId;
            ReviewConfirmedAt = now;
            Version++;
            return ReviewStep.WaitingForPartner;
        }

        LastReviewedAt = now;
        ReviewConfirmedById = null;
        ReviewConfirmedAt = null;
        Version++;
        return ReviewStep.ReviewedTogether;
    }
}

public enum ReviewStep
{
    WaitingForPartner,
    ReviewedTogether,
}
