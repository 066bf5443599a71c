using TrustCheckIn.Accounts;
using TrustCheckIn.Reminders;

namespace TrustCheckIn.Notifications;

// One notification mail: claimed (inserted, with its items marked as its own) inside one immediate transaction
// before anything is sent, so a restart or four runs at once never mail an item twice. At most one per person per
// BatchWindow: what happens meanwhile waits for the next one.
public sealed class NotificationDigest
{
    public static readonly TimeSpan BatchWindow = TimeSpan.FromMinutes(15);

    private NotificationDigest()
    {
    }

    internal NotificationDigest(string userId, NotificationChannel channel, DateTime now)
    {
        UserId = userId;
        Channel = channel;
        Status = DeliveryStatus.Pending;
        ClaimedAt = now;
        NextAttemptAt = now;
        Version = 1;
    }

    public int Id { get; private set; }

    public string UserId { get; private set; } = "";

    public AppUser? User { get; private set; }

    public NotificationChannel Channel { get; private set; }

    public DeliveryStatus Status { get; private set; }

    public int Attempts { get; private set; }

    public DateTime ClaimedAt { get; private set; }

    public DateTime NextAttemptAt { get; private set; }

    public DateTime? SentAt { get; private set; }

    public int Version { get; private set; }

    public bool IsDue(DateTime now) => Status == DeliveryStatus.Pending && NextAttemptAt <= now;

    // The reminders' back-off: if the process dies mid-send, the mail is tried again after the first delay.
    internal void BeginAttempt(DateTime now)
    {
        Attempts++;
        NextAttemptAt = now + ReminderDelivery.RetryDelayAfter(Attempts);
        Version++;
    }

    internal void MarkSent(DateTime now) => (Status, SentAt, Version) = (DeliveryStatus.Sent, now, Version + 1);

    internal void MarkAttemptFailed(DateTime now)
    {
        if (Attempts >= ReminderDelivery.MaxAttempts)
        {
            Status = DeliveryStatus.Failed;
        }
        else
        {
            NextAttemptAt = now + ReminderDelivery.RetryDelayAfter(Attempts);
        }

        Version++;
    }

    internal void Cancel() => (Status, Version) = (DeliveryStatus.Cancelled, Version + 1);
}
