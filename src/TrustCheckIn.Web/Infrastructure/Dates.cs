using System.Globalization;

namespace TrustCheckIn.Web.Infrastructure;

// Dates and times in the reader's own habits (the request culture): "1 December 2026" and 18:00 in the UK,
// "December 1, 2026" and 6:00 PM in the US. Built from the culture's own patterns, never a fixed format.
public static class Dates
{
    public static string Day(DateTime value) => value.ToString(DayPattern(CultureInfo.CurrentCulture, "MMMM"), CultureInfo.CurrentCulture);

    public static string Day(DateOnly value) => Day(value.ToDateTime(TimeOnly.MinValue));

    public static string ShortDay(DateTime value) => value.ToString(DayPattern(CultureInfo.CurrentCulture, "MMM"), CultureInfo.CurrentCulture);

    // The culture's month-day pattern with a short month: "1 Dec" in the UK, "Dec 1" in the US.
    public static string ShortDayAndMonth(DateOnly value) => value.ToString(
        CultureInfo.CurrentCulture.DateTimeFormat.MonthDayPattern.Replace("MMMM", "MMM", StringComparison.Ordinal).Replace("dd", "d", StringComparison.Ordinal),
        CultureInfo.CurrentCulture);

    public static string WeekdayAndDay(DateTime value) => $"{value.ToString("dddd", CultureInfo.CurrentCulture)} {Day(value)}";

    public static string Time(DateTime value) => value.ToString(CultureInfo.CurrentCulture.DateTimeFormat.ShortTimePattern, CultureInfo.CurrentCulture);

    public static string Time(TimeOnly value) => Time(DateTime.MinValue.Add(value.ToTimeSpan()));

    // A time as typed: the 24-hour "18:30" that a time field sends, or the reader's own clock ("6:30 PM").
    public static bool TryParseTime(string? text, out TimeOnly time)
    {
        var culture = CultureInfo.CurrentCulture;
        string[] formats = ["H:mm", "HH:mm", Spaced(culture.DateTimeFormat.ShortTimePattern)];
        return TimeOnly.TryParseExact(Spaced(text ?? "").Trim(), formats, culture, DateTimeStyles.AllowWhiteSpaces, out time);

        // ICU writes a narrow no-break space before AM/PM; people type an ordinary one.
        static string Spaced(string value) => value.Replace('\u202f', ' ').Replace('\u00a0', ' ');
    }

    public static string DayAndTime(DateTime value) => $"{Day(value)}, {Time(value)}";

    public static string ShortDayAndTime(DateTime value) => $"{ShortDay(value)}, {Time(value)}";

    public static string Month(DateTime value) => value.ToString("MMMM yyyy", CultureInfo.CurrentCulture);

    public static string Month(DateOnly value) => Month(value.ToDateTime(TimeOnly.MinValue));

    // "March 2026", "March and June 2026", "November 2025, January and March 2026": each year named once.
    public static string MonthList(IEnumerable<DateOnly> months)
    {
        var byYear = months.Order().GroupBy(m => m.Year)
            .Select(year => $"{And(year.Select(m => m.ToString("MMMM", CultureInfo.CurrentCulture)).ToList())} {year.Key}")
            .ToList();
        return string.Join(", ", byYear);

        static string And(IReadOnlyList<string> names) => names.Count == 1 ? names[0] : $"{string.Join(", ", names.Take(names.Count - 1))} and {names[^1]}";
    }

    public static string ShortMonth(DateTime value) => value.ToString("MMM yyyy", CultureInfo.CurrentCulture);

    public static string ShortMonth(DateOnly value) => ShortMonth(value.ToDateTime(TimeOnly.MinValue));

    // The long date without its weekday, single-digit days, and the month name as wide as asked.
    private static string DayPattern(CultureInfo culture, string month)
    {
        var pattern = culture.DateTimeFormat.LongDatePattern;
        pattern = pattern.Replace("dddd, ", "", StringComparison.Ordinal).Replace("dddd ", "", StringComparison.Ordinal).Replace("dddd", "", StringComparison.Ordinal);
        pattern = pattern.Replace("dd", "d", StringComparison.Ordinal).Replace("MMMM", month, StringComparison.Ordinal);
        return pattern.Trim(' ', ',');
    }
}
