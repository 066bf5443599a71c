using System.Globalization;

namespace TrustCheckIn.CheckIns;

// An ISO 8601 week, Monday to Sunday. Its Key (202647) sorts like the weeks do and is what the database stores.
public readonly record struct IsoWeek : IComparable<IsoWeek>
{
    private IsoWeek(int year, int week)
    {
        Year = year;
        Week = week;
    }

    public int Year { get; }

    public int Week { get; }

    public int Key => (Year * 100) + Week;

    public DateOnly Start => DateOnly.FromDateTime(ISOWeek.ToDateTime(Year, Week, DayOfWeek.Monday));

    public DateOnly End => Start.AddDays(6);

    // A week belongs to the month of its Thursday, the same rule ISO uses to give it a year.
    public int MonthKey => Start.AddDays(3) is var thursday ? (thursday.Year * 100) + thursday.Month : 0;

    public IsoWeek Previous => Of(Start.AddDays(-7));

    public IsoWeek Next => Of(Start.AddDays(7));

    public IsoWeek AddWeeks(int weeks) => Of(Start.AddDays(7 * weeks));

    public static IsoWeek Of(DateOnly date)
    {
        var day = date.ToDateTime(TimeOnly.MinValue);
        return new IsoWeek(ISOWeek.GetYear(day), ISOWeek.GetWeekOfYear(day));
    }

    // "This week" is read on the couple's own wall clock, so midnight and daylight saving follow their time zone.
    public static IsoWeek Current(TimeProvider time, TimeZoneInfo zone) =>
        Of(DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(time.GetUtcNow(), zone).DateTime));

    public static IsoWeek FromKey(int key) =>
        TryCreate(key / 100, key % 100, out var week) ? week : throw new ArgumentOutOfRangeException(nameof(key), key, "Not an ISO week key.");

    public static bool TryParse(string? text, out IsoWeek week)
    {
        week = default;
        // "2026-W47"
        return text is { Length: 8 } && text[4] == '-' && (text[5] == 'W' || text[5] == 'w')
            && int.TryParse(text.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var year)
            && int.TryParse(text.AsSpan(6, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var number)
            && TryCreate(year, number, out week);
    }

    private static bool TryCreate(int year, int number, out IsoWeek week)
    {
        week = default;
        if (year is < 2000 or > 9998 || number < 1 || number > ISOWeek.GetWeeksInYear(year))
        {
            return false;
        }

        week = new IsoWeek(year, number);
        return true;
    }

    public string Describe() => Start.Year == End.Year
        ? $"{Start.ToString("d MMM", CultureInfo.InvariantCulture)} – {End.ToString("d MMM yyyy", CultureInfo.InvariantCulture)}"
        : $"{Start.ToString("d MMM yyyy", CultureInfo.InvariantCulture)} – {End.ToString("d MMM yyyy", CultureInfo.InvariantCulture)}";

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Year:D4}-W{Week:D2}");

    public int CompareTo(IsoWeek other) => Key.CompareTo(other.Key);

    public static bool operator <(IsoWeek left, IsoWeek right) => left.Key < right.Key;

    public static bool operator >(IsoWeek left, IsoWeek right) => left.Key > right.Key;

    public static bool operator <=(IsoWeek left, IsoWeek right) => left.Key <= right.Key;

    public static bool operator >=(IsoWeek left, IsoWeek right) => left.Key >= right.Key;
}
