using System.Globalization;

namespace TrustCheckIn.Web.Pages.Expectations;

// Times are stored in UTC and shown in the couple's own time zone.
public static class CoupleTime
{
    public static string Format(DateTime utc, string timeZoneId)
    {
        var zone = TimeZoneInfo.TryFindSystemTimeZoneById(timeZoneId, out var found) ? found : TimeZoneInfo.Utc;
        var local = TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), zone);
        return local.ToString("d MMMM yyyy, HH:mm", CultureInfo.GetCultureInfo("en-GB"));
    }

    public static string Date(DateTime utc, string timeZoneId)
    {
        var zone = TimeZoneInfo.TryFindSystemTimeZoneById(timeZoneId, out var found) ? found : TimeZoneInfo.Utc;
        return TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), zone)
            .ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("en-GB"));
    }
}
