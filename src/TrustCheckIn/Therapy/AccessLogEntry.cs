namespace TrustCheckIn.Therapy;

// Append-only: every therapist view of a couple's data and every refused attempt. Never entry text.
public sealed class AccessLogEntry
{
    private AccessLogEntry()
    {
    }

    public AccessLogEntry(int coupleId, string? therapistId, string therapistName, AccessKind kind, ConsentScope shown, DateTime now)
    {
        CoupleId = coupleId;
        TherapistId = therapistId;
        TherapistName = therapistName;
        Kind = kind;
        Shown = shown;
        At = now;
    }

    public long Id { get; private set; }

    public int CoupleId { get; private set; }

    // Null once the therapist's account is erased; the name stays as the couple saw it.
    public string? TherapistId { get; private set; }

    public string TherapistName { get; private set; } = "";

    public AccessKind Kind { get; private set; }

    // What the page showed; None means the attempt was refused or nothing was shared.
    public ConsentScope Shown { get; private set; }

    public bool Allowed => Shown != ConsentScope.None;

    public DateTime At { get; private set; }
}

public enum AccessKind
{
    Dashboard,
    Couple,
    Summary,
    Session,
    PracticeSuggested,
    AgendaTalkedAbout,
}
