namespace TrustCheckIn.Expectations;

// "I did this" against a row, and the partner's "I noticed".
public sealed class FollowThrough
{
    public const int NoteLength = 200;

    private FollowThrough()
    {
    }

    internal FollowThrough(Expectation row, string doneById, string? note, DateTime now)
    {
        note = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        if (note?.Length > NoteLength)
        {
            throw new ArgumentException($"A note is at most {NoteLength} characters.", nameof(note));
        }

        CoupleId = row.CoupleId;
        ExpectationId = row.Id;
        DoneById = doneById;
        Note = note;
        DoneAt = now;
    }

    public int Id { get; private set; }

    public int CoupleId { get; private set; }

    public int ExpectationId { get; private set; }

    public Expectation? Expectation { get; private set; }

    public string DoneById { get; private set; } = "";

    public DateTime DoneAt { get; private set; }

    public string? Note { get; private set; }

    public string? NoticedById { get; private set; }

    public DateTime? NoticedAt { get; private set; }

    public bool CanBeNoticedBy(string userId) => NoticedAt is null && userId != DoneById;

    public void Notice(string userId, DateTime now)
    {
        if (!CanBeNoticedBy(userId))
        {
            throw new InvalidOperationException("Only the other partner can notice this, once.");
        }

        NoticedById = userId;
        NoticedAt = now;
    }
}
