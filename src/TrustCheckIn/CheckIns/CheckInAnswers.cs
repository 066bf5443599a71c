using TrustCheckIn.Common;

namespace TrustCheckIn.CheckIns;

// Member names match the form fields, so a service error lands next to its rating.
public enum CheckInDimension
{
    Trust,
    FeelingHeard,
    Connection,
    FollowThrough,
    EmotionalSafety,
}

public static class CheckInDimensions
{
    public static IReadOnlyList<CheckInDimension> All { get; } = Enum.GetValues<CheckInDimension>();

    public static string Label(this CheckInDimension dimension) => dimension switch
    {
        CheckInDimension.Trust => "Trust",
        CheckInDimension.FeelingHeard => "Feeling heard",
        CheckInDimension.Connection => "Connection",
        CheckInDimension.FollowThrough => "Follow-through",
        CheckInDimension.EmotionalSafety => "Emotional safety",
        _ => dimension.ToString(),
    };
}

public sealed record Ratings(int Trust, int FeelingHeard, int Connection, int FollowThrough, int EmotionalSafety)
{
    public const int Lowest = 1;
    public const int Highest = 5;

    // Two points apart on a five-point scale is worth talking about.
    public const int DivergenceGap = 2;

    public int this[CheckInDimension dimension] => dimension switch
    {
        CheckInDimension.Trust => Trust,
        CheckInDimension.FeelingHeard => FeelingHeard,
        CheckInDimension.Connection => Connection,
        CheckInDimension.FollowThrough => FollowThrough,
        CheckInDimension.EmotionalSafety => EmotionalSafety,
        _ => throw new ArgumentOutOfRangeException(nameof(dimension)),
    };

    public IReadOnlyList<CheckInDimension> DifferencesFrom(Ratings other) =>
        CheckInDimensions.All.Where(d => Math.Abs(this[d] - other[d]) >= DivergenceGap).ToList();
}

public sealed record CheckInAnswers(Ratings Ratings, string? WentWell, string? OnMyMind, string? SmallStep)
{
    public const int TextLength = 2000;

    // Asked only when the author wrote a small step the week before; the service drops it otherwise.
    public StepOutcome? LastStep { get; init; }

    public ServiceError? Problem()
    {
        foreach (var dimension in CheckInDimensions.All)
        {
            if (Ratings[dimension] is < Ratings.Lowest or > Ratings.Highest)
            {
                return ServiceError.Invalid(dimension.ToString(), $"Please choose a number from 1 to 5 for {dimension.Label().ToLowerInvariant()}.");
            }
        }

        foreach (var (field, text) in new[] { (nameof(WentWell), WentWell), (nameof(OnMyMind), OnMyMind), (nameof(SmallStep), SmallStep) })
        {
            if (text?.Length > TextLength)
            {
                return ServiceError.Invalid(field, $"Please keep this to 2,000 characters or fewer.");
            }
        }

        return LastStep is { } outcome && !Enum.IsDefined(outcome) ? ServiceError.Invalid(nameof(LastStep), "Please choose how it went, or leave it.") : null;
    }

    // Blank answers are stored as no answer, so "nothing written" reads the same everywhere.
    public CheckInAnswers Tidy() => this with { WentWell = Clean(WentWell), OnMyMind = Clean(OnMyMind), SmallStep = Clean(SmallStep) };

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
