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

    // E-mail: null while waiting to be looked at; then the digest that carries it, or NotByEmail.
    public int? EmailDigestId { get; private set; }

    public const int NotByEmail = 0;

    // Push: looked at (sent, or not wanted) once; set by the pusher's conditional update, which is its claim.
    public bool PushHandled { get; private set; }

    internal void ClaimForEmail(int digestId) => EmailDigestId = digestId;

    internal void MarkRead(DateTime now) => ReadAt ??= now;
}
