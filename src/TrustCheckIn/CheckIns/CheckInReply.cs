using TrustCheckIn.Accounts;

namespace TrustCheckIn.CheckIns;

// A partner's short answer to the other's revealed check-in ("thank you", "let's talk about this").
public sealed class CheckInReply
{
    public const int TextLength = 280;

    private CheckInReply()
    {
    }

    internal CheckInReply(int checkInId, string authorId, string text, DateTime now)
    {
        CheckInId = checkInId;
        AuthorId = authorId;
        CreatedAt = now;
        Change(text, now);
    }

    public int Id { get; private set; }

    public int CheckInId { get; private set; }

    public CheckIn? CheckIn { get; private set; }

    public string AuthorId { get; private set; } = "";

    public AppUser? Author { get; private set; }

    public string Text { get; private set; } = "";

    public DateTime CreatedAt { get; private set; }

    public DateTime UpdatedAt { get; private set; }

    public void Change(string text, DateTime now)
    {
        var tidy = text.Trim();
        if (tidy.Length is 0 or > TextLength)
        {
            throw new ArgumentException("A reply is 1 to 280 characters.", nameof(text));
        }

        Text = tidy;
        UpdatedAt = now;
    }
}
