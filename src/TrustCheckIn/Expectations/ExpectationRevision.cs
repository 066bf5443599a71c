namespace TrustCheckIn.Expectations;

// One change to one row, with what it said before and after, kept for both partners to read.
public sealed class ExpectationRevision
{
    private ExpectationRevision()
    {
    }

    private ExpectationRevision(Expectation row, RevisionKind kind, string changedById, DateTime now)
    {
        CoupleId = row.CoupleId;
        Expectation = row;
        Kind = kind;
        ChangedById = changedById;
        ChangedAt = now;
    }

    public int Id { get; private set; }

    public int CoupleId { get; private set; }

    public int ExpectationId { get; private set; }

    public Expectation? Expectation { get; private set; }

    public RevisionKind Kind { get; private set; }

    public string ChangedById { get; private set; } = "";

    public DateTime ChangedAt { get; private set; }

    public string? BeforeNeed { get; private set; }

    // Null before an addition and after a removal.
    public ExpectationContent? ContentBefore() =>
        BeforeNeed is null ? null : new(BeforeNeed, BeforeAction ?? "", BeforeFrequency ?? ExpectationFrequency.Custom, BeforeCustomFrequency);

    public ExpectationContent? ContentAfter() =>
        AfterNeed is null ? null : new(AfterNeed, AfterAction ?? "", AfterFrequency ?? ExpectationFrequency.Custom, AfterCustomFrequency);

    public string? BeforeAction { get; private set; }

    public ExpectationFrequency? BeforeFrequency { get; private set; }

    public string? BeforeCustomFrequency { get; private set; }

    public int? BeforePosition { get; private set; }

    public string? AfterNeed { get; private set; }

    public string? AfterAction { get; private set; }

    public ExpectationFrequency? AfterFrequency { get; private set; }

    public string? AfterCustomFrequency { get; private set; }

    public int? AfterPosition { get; private set; }

    public static ExpectationRevision Added(Expectation row, string byId, DateTime now) =>
        new ExpectationRevision(row, RevisionKind.Added, byId, now).After(row);

    public static ExpectationRevision Restored(Expectation row, string byId, DateTime now) =>
        new ExpectationRevision(row, RevisionKind.Restored, byId, now).After(row);

    public static ExpectationRevision Removed(Expectation row, string byId, DateTime now) =>
        new ExpectationRevision(row, RevisionKind.Removed, byId, now).Before(row.Content, row.Position);

    public static ExpectationRevision Edited(Expectation row, ExpectationContent before, string byId, DateTime now) =>
        new ExpectationRevision(row, RevisionKind.Edited, byId, now).Before(before, row.Position).After(row);

    public static ExpectationRevision Moved(Expectation row, int fromPosition, string byId, DateTime now) =>
        new ExpectationRevision(row, fromPosition > row.Position ? RevisionKind.MovedUp : RevisionKind.MovedDown, byId, now)
            .Before(row.Content, fromPosition).After(row);

    private ExpectationRevision Before(ExpectationContent content, int position)
    {
        BeforeNeed = content.Need;
        BeforeAction = content.Action;
        BeforeFrequency = content.Frequency;
        BeforeCustomFrequency = content.CustomFrequency;
        BeforePosition = position;
        return this;
    }

    private ExpectationRevision After(Expectation row)
    {
        AfterNeed = row.Need;
        AfterAction = row.Action;
        AfterFrequency = row.Frequency;
        AfterCustomFrequency = row.CustomFrequency;
        AfterPosition = row.Position;
        return this;
    }
}

public enum RevisionKind
{
    Added,
    Edited,
    MovedUp,
    MovedDown,
    Removed,
    Restored,
}
