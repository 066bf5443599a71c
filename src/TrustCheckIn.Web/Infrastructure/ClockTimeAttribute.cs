using System.ComponentModel.DataAnnotations;
using System.Globalization;

namespace TrustCheckIn.Web.Infrastructure;

// A time field's text: what the time input sends (18:30) or a time typed on the reader's own clock (6:30 PM).
// Its example and message show the reader's clock, so every time field explains itself the same way.
[AttributeUsage(AttributeTargets.Property)]
public sealed class ClockTimeAttribute(int exampleHour) : ValidationAttribute
{
    // For the field's hint: "18:00" in the UK, "6:00 PM" in the US.
    public static string Example(int hour) => Dates.Time(new TimeOnly(hour, 0));

    // The value a time input starts from: always 24-hour, whatever the reader's clock.
    public static string FieldValue(TimeOnly time) => time.ToString("HH:mm", CultureInfo.InvariantCulture);

    public static TimeOnly Parse(string text) =>
        Dates.TryParseTime(text, out var time) ? time : throw new FormatException("Validation refuses a time that does not parse.");

    public override bool IsValid(object? value) => value is not string text || Dates.TryParseTime(text, out _);

    public override string FormatErrorMessage(string name) => $"Please enter a time as hours and minutes, like {Example(exampleHour)}.";
}
