using TrustCheckIn.CheckIns;

namespace TrustCheckIn.Reminders;

// Reminder times are wall-clock times in the couple's time zone; these turn them into UTC instants.
public static class ReminderClock
{
    // A check-in reminder more than this late is dropped: the week has moved on.
    public static readonly TimeSpan StaleAfter = TimeSpan.FromDays(1);

    // A time the clocks skip (spring forward) happens as the same moment an hour later; a time they repeat (fall back) is its first occurrence.
    public static DateTime ToUtc(DateTime local, TimeZoneInfo zone)
    {
        local = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        if (zone.IsInvalidTime(local))
        {
            return DateTime.SpecifyKind(local - zone.GetUtcOffset(local.AddDays(-1)), DateTimeKind.Utc);
        }

        if (zone.IsAmbiguousTime(local))
        {
            return DateTime.SpecifyKind(local - zone.GetAmbiguousTimeOffsets(local).Max(), DateTimeKind.Utc);
        }

        return TimeZoneInfo.ConvertTimeToUtc(local, zone);
    }

    public static DateTime ToLocal(DateTime utc, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), zone);

    public static DateOnly DayIn(IsoWeek week, DayOfWeek day) => week.Start.AddDays(((int)day + 6) % 7);

    public static DateTime WeeklyDueUtc(IsoWeek week, DayOfWeek day, TimeOnly time, TimeZoneInfo zone) =>
        ToUtc(DayIn(week, day).ToDateTime(time), zone);
}
