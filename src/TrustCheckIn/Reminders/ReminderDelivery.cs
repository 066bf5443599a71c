using TrustCheckIn.Accounts;

namespace TrustCheckIn.Reminders;

public enum DeliveryStatus
{
    Pending,
    Sent,
    Failed,
    Cancelled,
}

// One reminder for one person and period, claimed (inserted) before it is sent: the unique key
// (user, kind, period) decides which run sends it, so a restart or an overlapping run never sends it twice.
public sealed class ReminderDelivery
{
    public const int PeriodKeyLength = 40;

    // Waits after each failed attempt; the last one repeats until MaxAttempts, then the reminder is given up.
    public static IReadOnlyList<TimeSpan> RetryDelays { get; } =
        [TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(30), TimeSpan.FromHours(2), TimeSpan.FromHours(6)];

    public const int MaxAttempts = 6;

    private ReminderDelivery()
    {
    }

    internal ReminderDelivery(string userId, ReminderKind kind, string periodKey, DateTime now)
    {
        if (string.IsNullOrEmpty(periodKey) || periodKey.Length > PeriodKeyLength)
        {
            throw new ArgumentException("A period key is 1 to 40 characters.", nameof(periodKey));
        }

        UserId = userId;
        Kind = kind;
        PeriodKey = periodKey;
        Status = DeliveryStatus.Pending;
        ClaimedAt = now;
        NextAttemptAt = now;
        Version = 1;
    }

    public int Id { get; private set; }

    public string UserId { get; private set; } = "";

    public AppUser? User { get; private set; }

    public ReminderKind Kind { get; private set; }

    // "203047" for a weekly check-in (the ISO week key), "review-…" for an expectations review period.
    public string PeriodKey { get; private set; } = "";

    public DeliveryStatus Status { get; private set; }

    public int Attempts { get; private set; }

    public DateTime ClaimedAt { get; private set; }

    public DateTime NextAttemptAt { get; private set; }

    public DateTime? LastAttemptAt { get; private set; }

    public DateTime? SentAt { get; private set; }

    public int Version { get; private set; }

    public bool IsDue(DateTime now) => Status == DeliveryStatus.Pending && NextAttemptAt <= now;

    public static TimeSpan RetryDelayAfter(int attempts) => RetryDelays[Math.Clamp(attempts, 1, RetryDelays.Count) - 1];

    // Taken before sending: if the process dies mid-send, the reminder is tried again after the first delay.
    public void BeginAttempt(DateTime now)
    {
        if (!IsDue(now))
        {
            throw new InvalidOperationException("This reminder is not waiting to be sent.");
        }

        Attempts++;
        LastAttemptAt = now;
        NextAttemptAt = now + RetryDelayAfter(Attempts);
        Version++;
    }

    public void MarkSent(DateTime now)
    {
        EnsureAttempting();
        Status = DeliveryStatus.Sent;
        SentAt = now;
        Version++;
    }

    public void MarkAttemptFailed(DateTime now)
    {
        EnsureAttempting();
        if (Attempts >= MaxAttempts)
        {
            Status = DeliveryStatus.Failed;
        }
        else
        {
            NextAttemptAt = now + RetryDelayAfter(Attempts);
        }

        Version++;
    }

    // No longer wanted: the partner checked in, turned the reminder off, or the couple ended.
    public void Cancel()
    {
        EnsureAttempting();
        Status = DeliveryStatus.Cancelled;
        Version++;
    }

    private void EnsureAttempting()
    {
        if (Status != DeliveryStatus.Pending || Attempts == 0)
        {
            throw new InvalidOperationException("This reminder has no attempt in progress.");
        }
    }
}
