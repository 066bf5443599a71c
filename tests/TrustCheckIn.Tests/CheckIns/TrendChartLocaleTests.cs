using System.Globalization;
using TrustCheckIn.CheckIns;
using TrustCheckIn.Tests.Infrastructure;
using static TrustCheckIn.Tests.CheckIns.CheckInSeeding;

namespace TrustCheckIn.Tests.CheckIns;

public sealed class TrendChartLocaleTests(TestApp app) : IClassFixture<TestApp>
{
    [Theory]
    [InlineData("en-GB", "d MMM", "MMM d")]
    [InlineData("en-US", "MMM d", "d MMM")]
    public async Task TheChartAxisAndItsNumbersTableWriteWeeksInTheChosenLocale(string locale, string pattern, string otherPattern)
    {
        var (a, b) = await app.CreateCoupleAsync();
        await app.ChangeTimeZoneAsync(a, "UTC");
        var clock = app.ClockFromApp();
        await app.SubmitThisWeekAsync(clock, a, Answers(trust: 4));
        await app.SubmitThisWeekAsync(clock, b, Answers(trust: 2));
        var browser = await app.SignInAsync(a);
        await browser.SubmitAndReadAsync(await browser.GetPageAsync("/Account/Manage/Appearance"), "#appearance-form", new() { ["Input.Locale"] = locale });
        var culture = CultureInfo.GetCultureInfo(locale);
        var monday = IsoWeek.Current(clock, TimeZoneInfo.Utc).Start;

        var page = await browser.GetPageAsync("/CheckIns/History");

        var chart = page.Document.QuerySelector(".chart")!;
        var axis = chart.QuerySelectorAll("text.chart-axis").Select(t => t.TextContent).ToList();
        var expected = monday.ToString(pattern, culture);
        Assert.Contains(expected, axis);
        Assert.DoesNotContain(monday.ToString(otherPattern, culture), axis);
        Assert.Equal(expected, chart.QuerySelector("details tbody th")!.TextContent);
        Assert.Contains($"{expected}: 4", chart.QuerySelector("desc")!.TextContent, StringComparison.Ordinal);
    }
}
