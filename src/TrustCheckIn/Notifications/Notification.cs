using TrustCheckIn.Accounts;

namespace TrustCheckIn.Notifications;

// No text column on purpose: a kind, the people and couple involved, and the path to open.
public sealed class Notification
{
    public const int UrlLength = 200;

    private Notification()
    {
    }

    internal Notification(string recipientId, NotificationKind kind, int? coupleId, string? actorId, string url, DateTime now)
    {
        if (!url.StartsWith('/') || url.StartsWith("//", StringComparison.Ordinal) || url.Length > UrlLength)
        {
            throw new ArgumentException("A notification opens a path inside the app.", nameof(url));
        }

        RecipientId = recipientId;
        Kind = kind;
        CoupleId = coupleId;
        ActorId = actorId;
        Url = url;
        CreatedAt = now;
    }

    public int Id { get; private set; }

    public string RecipientId { get; private set; } = "";

    public AppUser? Recipient { get; private set; }

    public NotificationKind Kind { get; private set; }

    public int? CoupleId { get; private set; }

    public string? ActorId { get; private set; }

    public string Url { get; private set; } = "";

    public DateTime CreatedAt { get; private set; }

    public DateTime? ReadAt { get; private set; }

    internal void MarkRead(DateTime now) => ReadAt ??= now;
}
