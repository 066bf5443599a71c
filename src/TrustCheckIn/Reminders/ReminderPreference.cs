using TrustCheckIn.Accounts;

namespace TrustCheckIn.Reminders;

// One partner's reminder choices. No row means the defaults: both reminders on, the couple's check-in day at 18:00.
public sealed class ReminderPreference
{
    public static readonly TimeOnly DefaultTime = new(18, 0);

    private ReminderPreference()
    {
    }

    internal ReminderPreference(string userId, DateTime now)
    {
        UserId = userId;
        CheckInEnabled = true;
        CheckInTime = DefaultTime;
        ReviewEnabled = true;
        UpdatedAt = now;
    }

    public int Id { get; private set; }

    public string UserId { get; private set; } = "";

    public AppUser? User { get; private set; }

    public bool CheckInEnabled { get; private set; }

    // Null until the person picks a day: the reminder then follows the couple's check-in day.
    public DayOfWeek? CheckInDay { get; private set; }

    public TimeOnly CheckInTime { get; private set; }

    public bool ReviewEnabled { get; private set; }

    public DateTime UpdatedAt { get; private set; }

    public bool IsOn(ReminderKind kind) => kind == ReminderKind.CheckIn ? CheckInEnabled : ReviewEnabled;

    public void Change(ReminderSettings settings, DateTime now)
    {
        if (settings.CheckInTime.Second != 0 || settings.CheckInTime.Millisecond != 0)
        {
            throw new ArgumentException("Reminder times are whole minutes.", nameof(settings));
        }

        CheckInEnabled = settings.CheckInEnabled;
        CheckInDay = settings.CheckInDay;
        CheckInTime = settings.CheckInTime;
        ReviewEnabled = settings.ReviewEnabled;
        UpdatedAt = now;
    }

    public void TurnOff(ReminderKind kind, DateTime now)
    {
        if (kind == ReminderKind.CheckIn)
        {
            CheckInEnabled = false;
        }
        else
        {
            ReviewEnabled = false;
        }

        UpdatedAt = now;
    }
}

public sealed record ReminderSettings(bool CheckInEnabled, DayOfWeek CheckInDay, TimeOnly CheckInTime, bool ReviewEnabled);
