using TrustCheckIn.Data;

namespace TrustCheckIn.CheckIns;

// One check-in as its readers see it. Settable members, not a positional record: EF Core then reads only
// the columns a later Select uses, so a chart never loads the written answers.
public sealed class CheckInRow
{
    public int Id { get; init; }

    public int CoupleId { get; init; }

    public string AuthorId { get; init; } = "";

    public int WeekKey { get; init; }

    public DateOnly WeekStart { get; init; }

    public bool Sealed { get; init; }

    public required Ratings Ratings { get; init; }

    public string? WentWell { get; init; }

    public string? OnMyMind { get; init; }

    public string? SmallStep { get; init; }

    public StepOutcome? LastStepOutcome { get; init; }

    public bool StepNoticed { get; init; }

    public DateTime UpdatedAt { get; init; }
}

public static class CheckInRows
{
    // The one projection of a check-in's five ratings; every reader of scores starts here (compiled queries too).
    [InlinedFrom(nameof(RowsQuery))]
    public static IQueryable<CheckInRow> Rows(this IQueryable<CheckIn> checkIns) => RowsQuery.Run(checkIns);

    private static readonly Inlined<Func<IQueryable<CheckIn>, IQueryable<CheckInRow>>> RowsQuery = new(checkIns => checkIns.Select(c => new CheckInRow
    {
        Id = c.Id,
        CoupleId = c.CoupleId,
        AuthorId = c.AuthorId,
        WeekKey = c.WeekKey,
        WeekStart = c.WeekStart,
        Sealed = c.SealedAt != null,
        Ratings = new Ratings(c.Trust, c.FeelingHeard, c.Connection, c.FollowThrough, c.EmotionalSafety),
        WentWell = c.WentWell,
        OnMyMind = c.OnMyMind,
        SmallStep = c.SmallStep,
        LastStepOutcome = c.LastStepOutcome,
        StepNoticed = c.StepNoticedAt != null,
        UpdatedAt = c.UpdatedAt,
    }));
}
