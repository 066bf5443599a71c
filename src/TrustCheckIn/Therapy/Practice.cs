namespace TrustCheckIn.Therapy;

// What a therapist may suggest between sessions: something the app already holds, or their own words.
public enum PracticeKind
{
    TwoFeelings,
    ReviewExpectations,
    GuidedConversation,
    JournalPrompt,
    OwnWords,
}

// A therapist's suggestion to the couple, with both partners' practice consent. It lives in the couple's space
// (the couple's key), so it stays with them after the link or the therapist's account ends.
public sealed class Practice
{
    public const int TextMaxLength = 500;

    private Practice()
    {
    }

    public Practice(int coupleId, int linkId, string therapistId, PracticeKind kind, string? text, DateOnly? dueOn, DateTime now)
    {
        CoupleId = coupleId;
        LinkId = linkId;
        TherapistId = therapistId;
        Kind = kind;
        Text = text;
        DueOn = dueOn;
        SuggestedAt = now;
    }

    public int Id { get; private set; }

    public int CoupleId { get; private set; }

    public int LinkId { get; private set; }

    // Null once the therapist's account is erased.
    public string? TherapistId { get; private set; }

    public PracticeKind Kind { get; private set; }

    // The therapist's own words: the practice itself for OwnWords, a note for the others.
    public string? Text { get; private set; }

    // A day on the couple's clock.
    public DateOnly? DueOn { get; private set; }

    public DateTime SuggestedAt { get; private set; }
}

// One partner's answer to a practice: done, and in a line how it went. Both are the partner's own to change.
public sealed class PracticeResponse
{
    public const int LineMaxLength = 300;

    private PracticeResponse()
    {
    }

    public PracticeResponse(int practiceId, string authorId)
    {
        PracticeId = practiceId;
        AuthorId = authorId;
    }

    public int Id { get; private set; }

    public int PracticeId { get; private set; }

    public string AuthorId { get; private set; } = "";

    public DateTime? DoneAt { get; private set; }

    // Encrypted under the partner's key; shown to the therapist only within that partner's practice consent.
    public string? Line { get; private set; }

    public DateTime UpdatedAt { get; private set; }

    public void Record(bool done, string? line, DateTime now)
    {
        DoneAt = done ? DoneAt ?? now : null;
        Line = line;
        UpdatedAt = now;
    }
}
