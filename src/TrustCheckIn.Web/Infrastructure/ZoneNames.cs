using TrustCheckIn.Couples;

namespace TrustCheckIn.Web.Infrastructure;

// Time zones in people's words: "London time", never "Europe/London". The stored value stays the IANA id.
public static class ZoneNames
{
    public static string Friendly(string timeZoneId)
    {
        var city = timeZoneId[(timeZoneId.LastIndexOf('/') + 1)..];
        return city.Replace('_', ' ');
    }

    // Regions by their first part ("America/Chicago" is in America); "UTC" stands alone.
    public static string Region(string timeZoneId) =>
        timeZoneId.IndexOf('/', StringComparison.Ordinal) is var slash and > 0 ? timeZoneId[..slash] : "Other";

    // The short list offered first (and all there is without JavaScript, unless "another time zone" is opened).
    public static IReadOnlyList<(string Region, IReadOnlyList<string> Ids)> Common { get; } = Known(
    [
        ("Europe", ["Europe/London", "Europe/Dublin", "Europe/Lisbon", "Europe/Paris", "Europe/Berlin", "Europe/Madrid", "Europe/Rome", "Europe/Amsterdam", "Europe/Stockholm", "Europe/Warsaw", "Europe/Athens", "Europe/Helsinki"]),
        ("The Americas", ["America/New_York", "America/Chicago", "America/Denver", "America/Phoenix", "America/Los_Angeles", "America/Anchorage", "Pacific/Honolulu", "America/Toronto", "America/Vancouver", "America/Mexico_City", "America/Sao_Paulo", "America/Argentina/Buenos_Aires"]),
        ("Africa and the Middle East", ["Africa/Lagos", "Africa/Johannesburg", "Africa/Nairobi", "Africa/Cairo", "Asia/Dubai"]),
        ("Asia", ["Asia/Kolkata", "Asia/Singapore", "Asia/Hong_Kong", "Asia/Shanghai", "Asia/Tokyo", "Asia/Seoul", "Asia/Manila", "Asia/Jakarta"]),
        ("Australia and New Zealand", ["Australia/Sydney", "Australia/Melbourne", "Australia/Brisbane", "Australia/Adelaide", "Australia/Perth", "Pacific/Auckland"]),
    ]);

    // Only zones this server knows, so nothing offered can be refused.
    private static (string, IReadOnlyList<string>)[] Known((string Region, string[] Ids)[] groups) =>
        [.. groups.Select(g => (g.Region, (IReadOnlyList<string>)[.. g.Ids.Where(id => CheckInSchedule.TimeZoneIds.Contains(id, StringComparer.Ordinal))]))];

    public static bool IsCommon(string? timeZoneId) => Common.Any(group => group.Ids.Contains(timeZoneId, StringComparer.Ordinal));

    // Every zone the server knows, by region and then by name, for "another time zone".
    public static IReadOnlyList<(string Region, IReadOnlyList<string> Ids)> All { get; } = CheckInSchedule.TimeZoneIds
        .GroupBy(Region)
        .OrderBy(g => g.Key, StringComparer.Ordinal)
        .Select(g => (g.Key, (IReadOnlyList<string>)[.. g.OrderBy(Friendly, StringComparer.Ordinal)]))
        .ToArray();
}
