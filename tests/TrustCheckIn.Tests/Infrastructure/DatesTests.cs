using System.Globalization;
using TrustCheckIn.Web.Infrastructure;

namespace TrustCheckIn.Tests.Infrastructure;

public sealed class DatesTests
{
    [Theory]
    [InlineData("en-GB", "1 December 2026", "1 Dec 2026", "18:30")]
    [InlineData("en-US", "December 1, 2026", "Dec 1, 2026", "6:30 PM")]
    [InlineData("en-IE", "1 December 2026", "1 Dec 2026", "18:30")]
    [InlineData("en-AU", "1 December 2026", "1 Dec 2026", "6:30 pm")]
    public void DaysAndTimesFollowThePlacesOwnHabits(string culture, string day, string shortDay, string time)
    {
        var evening = new DateTime(2026, 12, 1, 18, 30, 0, DateTimeKind.Unspecified);
        var before = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo(culture);
        try
        {
            Assert.Equal(day, Dates.Day(evening));
            Assert.Equal(shortDay, Dates.ShortDay(evening));
            Assert.Equal(time, Dates.Time(evening).Replace('\u202f', ' '));
        }
        finally
        {
            CultureInfo.CurrentCulture = before;
        }
    }

    [Fact]
    public void AListOfMonthsNamesEachYearOnce()
    {
        var before = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("en-GB");
        try
        {
            Assert.Equal("March 2026", Dates.MonthList([new(2026, 3, 1)]));
            Assert.Equal("March and June 2026", Dates.MonthList([new(2026, 6, 1), new(2026, 3, 1)]));
            Assert.Equal("November 2025, January, February and March 2026", Dates.MonthList([new(2025, 11, 1), new(2026, 1, 1), new(2026, 2, 1), new(2026, 3, 1)]));
        }
        finally
        {
            CultureInfo.CurrentCulture = before;
        }
    }
}
