using TrustCheckIn.Accounts;
using TrustCheckIn.Couples;

namespace TrustCheckIn.Notifications;

public enum NotificationChannel
{
    Email,
    Push,
}

// One person's choices: which kinds also come by e-mail or push, and the quiet hours. No row means the defaults.
// Every kind is always in the app; the channels are bit sets over NotificationKind.
public sealed class NotificationSettings
{
    public static readonly IReadOnlySet<NotificationKind> DefaultEmail = new HashSet<NotificationKind>
    {
        NotificationKind.PartnerCheckedIn, NotificationKind.AnswersReady, NotificationKind.StatementShared, NotificationKind.PartnerLeft,
        // A proposed pause waits on the partner's answer, so it is worth a mail; the rest of a pause stays quiet.
        NotificationKind.PauseProposed,
    };

    public static readonly TimeOnly DefaultQuietFrom = new(22, 0);
    public static readonly TimeOnly DefaultQuietUntil = new(7, 0);

    private NotificationSettings()
    {
    }

    internal NotificationSettings(string userId, DateTime now)
    {
        UserId = userId;
        EmailKinds = Bits(DefaultEmail);
        QuietHours = true;
        QuietFrom = DefaultQuietFrom;
        QuietUntil = DefaultQuietUntil;
        UpdatedAt = now;
    }

    public int Id { get; private set; }

    public string UserId { get; private set; } = "";

    public AppUser? User { get; private set; }

    public long EmailKinds { get; private set; }

    public long PushKinds { get; private set; }

    public bool QuietHours { get; private set; }

    public TimeOnly QuietFrom { get; private set; }

    public TimeOnly QuietUntil { get; private set; }

    // Null: the couple's time zone, or UTC for someone without a couple.
    public string? TimeZoneId { get; private set; }

    public DateTime UpdatedAt { get; private set; }

    public bool Wants(NotificationChannel channel, NotificationKind kind) =>
        ((channel == NotificationChannel.Email ? EmailKinds : PushKinds) & Bit(kind)) != 0;

    internal void Change(IEnumerable<NotificationKind> email, IEnumerable<NotificationKind> push, bool quietHours, TimeOnly from, TimeOnly until, string? timeZoneId, DateTime now)
    {
        if (timeZoneId is not null && !CheckInSchedule.IsKnownTimeZone(timeZoneId))
        {
            throw new ArgumentException("Unknown time zone.", nameof(timeZoneId));
        }

        (EmailKinds, PushKinds, QuietHours, QuietFrom, QuietUntil, TimeZoneId, UpdatedAt) = (Bits(email), Bits(push), quietHours, from, until, timeZoneId, now);
    }

    internal void TurnOff(NotificationChannel channel, NotificationKind kind, DateTime now)
    {
        if (channel == NotificationChannel.Email)
        {
            EmailKinds &= ~Bit(kind);
        }
        else
        {
            PushKinds &= ~Bit(kind);
        }

        UpdatedAt = now;
    }

    // Quiet hours may cross midnight (22:00 to 07:00); the local time is the person's own.
    public bool IsQuietAt(TimeOnly local) =>
        QuietHours && QuietFrom != QuietUntil && (QuietFrom < QuietUntil ? local >= QuietFrom && local < QuietUntil : local >= QuietFrom || local < QuietUntil);

    public static NotificationSettings Defaults(string userId) => new(userId, DateTime.MinValue);

    private static long Bit(NotificationKind kind) => 1L << (int)kind;

    private static long Bits(IEnumerable<NotificationKind> kinds) => kinds.Aggregate(0L, (bits, kind) => bits | Bit(kind));
}
