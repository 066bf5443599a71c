using TrustCheckIn.Accounts;

namespace TrustCheckIn.Journal;

public sealed class JournalEntry : TherapistShareable
{
    public const int TextLength = 10_000;

    private JournalEntry()
    {
    }

    internal JournalEntry(string authorId, JournalPrompt? prompt, string text, bool shareableWithTherapist, DateTime now)
    {
        AuthorId = authorId;
        CreatedAt = now;
        Change(prompt, text, shareableWithTherapist, now);
    }

    public int Id { get; private set; }

    public string AuthorId { get; private set; } = "";

    public AppUser? Author { get; private set; }

    public JournalPrompt? Prompt { get; private set; }

    public string Text { get; private set; } = "";

    public DateTime CreatedAt { get; private set; }

    public DateTime UpdatedAt { get; private set; }

    public void Change(JournalPrompt? prompt, string text, bool shareableWithTherapist, DateTime now)
    {
        var trimmed = text.Trim();
        if (trimmed.Length == 0 || trimmed.Length > TextLength)
        {
            throw new ArgumentException($"An entry holds 1 to {TextLength} characters.", nameof(text));
        }

        if (prompt is { } p && !Enum.IsDefined(p))
        {
            throw new ArgumentOutOfRangeException(nameof(prompt));
        }

        Prompt = prompt;
        Text = trimmed;
        UpdatedAt = now;
        SetShareable(shareableWithTherapist, now);
    }
}
