using TrustCheckIn.Accounts;

namespace TrustCheckIn.Journal;

// One per author per calendar month (UTC); a second save in the same month changes this row.
public sealed class TrustPatternReflection : TherapistShareable
{
    public const int NoteLength = 2_000;

    private TrustPatternReflection()
    {
    }

    internal TrustPatternReflection(string authorId, DateOnly month, PatternRatings ratings, string? note, bool shareableWithTherapist, DateTime now)
    {
        if (month.Day != 1)
        {
            throw new ArgumentException("A month is stored as its first day.", nameof(month));
        }

        AuthorId = authorId;
        Month = month;
        CreatedAt = now;
        Change(ratings, note, shareableWithTherapist, now);
    }

    public int Id { get; private set; }

    public string AuthorId { get; private set; } = "";

    public AppUser? Author { get; private set; }

    public DateOnly Month { get; private set; }

    public int CheckingForReassurance { get; private set; }

    public int AvoidingVulnerability { get; private set; }

    public int ReadingThreats { get; private set; }

    public int TensionOverTimeApart { get; private set; }

    public int DoubtingApologies { get; private set; }

    public int Overthinking { get; private set; }

    public int GettingDefensive { get; private set; }

    public int Jealousy { get; private set; }

    public int PullingAway { get; private set; }

    public string? Note { get; private set; }

    public DateTime CreatedAt { get; private set; }

    public DateTime UpdatedAt { get; private set; }

    public void Change(PatternRatings ratings, string? note, bool shareableWithTherapist, DateTime now)
    {
        if (!ratings.AreAllFrequencies)
        {
            throw new ArgumentOutOfRangeException(nameof(ratings), "Each pattern is rated from never (0) to very often (4).");
        }

        var trimmed = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        if (trimmed?.Length > NoteLength)
        {
            throw new ArgumentException($"A note holds up to {NoteLength} characters.", nameof(note));
        }

        CheckingForReassurance = ratings.CheckingForReassurance;
        AvoidingVulnerability = ratings.AvoidingVulnerability;
        ReadingThreats = ratings.ReadingThreats;
        TensionOverTimeApart = ratings.TensionOverTimeApart;
        DoubtingApologies = ratings.DoubtingApologies;
        Overthinking = ratings.Overthinking;
        GettingDefensive = ratings.GettingDefensive;
        Jealousy = ratings.Jealousy;
        PullingAway = ratings.PullingAway;
        Note = trimmed;
        UpdatedAt = now;
        SetShareable(shareableWithTherapist, now);
    }

    public static DateOnly MonthOf(DateTime utc) => new(utc.Year, utc.Month, 1);
}
