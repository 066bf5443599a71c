using TrustCheckIn.CheckIns;
using TrustCheckIn.Tests.Infrastructure;
using static TrustCheckIn.Tests.CheckIns.CheckInSeeding;

namespace TrustCheckIn.Tests.CheckIns;

// Moves this class's app clock ten weeks ahead per test, so it keeps a TestApp of its own.
public sealed class CheckInHistoryPageTests(TestApp app) : IClassFixture<TestApp>
{
    private static readonly int[] MissedWeeks = [4, 9];
    private static readonly System.Globalization.CultureInfo British = System.Globalization.CultureInfo.GetCultureInfo("en-GB");

    [Fact]
    public async Task PageTwoShowsTheNextOlderWeeksBackToWhenTheCoupleFormed()
    {
        var (a, _, firstWeek) = await SeedElevenWeeksAsync();
        var browser = await app.SignInAsync(a);

        var first = await browser.GetPageAsync("/CheckIns/History");
        var olderHref = first.Document.QuerySelector("#older-weeks")!.GetAttribute("href")!;
        var second = await browser.GetPageAsync(olderHref);

        Assert.Equal(Enumerable.Range(3, 8).Reverse().Select(i => firstWeek.AddWeeks(i).ToString()), Weeks(first));
        Assert.Equal($"/CheckIns/History?before={firstWeek.AddWeeks(3)}", olderHref);
        Assert.Contains("A quiet week", first.Document.QuerySelector($"[data-week='{firstWeek.AddWeeks(9)}']")!.TextContent, StringComparison.Ordinal);
        Assert.Null(first.Document.QuerySelector("#newer-weeks"));
        Assert.Equal([firstWeek.AddWeeks(2).ToString(), firstWeek.AddWeeks(1).ToString(), firstWeek.ToString()], Weeks(second));
        Assert.Contains("didn't check in this week, and that's okay", second.Document.QuerySelector($"[data-week='{firstWeek.AddWeeks(1)}']")!.TextContent, StringComparison.Ordinal);
        Assert.Null(second.Document.QuerySelector("#older-weeks"));
        Assert.Equal("/CheckIns/History", second.Document.QuerySelector("#newer-weeks")!.GetAttribute("href"));
    }

    [Fact]
    public async Task TheTrendChartsAreSvgWithATitleAndATextAlternativeListingTheValues()
    {
        var (a, _, firstWeek) = await SeedElevenWeeksAsync();
        var browser = await app.SignInAsync(a);

        var weeks = await browser.GetPageAsync("/CheckIns/History");
        var months = await browser.GetPageAsync("/CheckIns/History?period=months");

        var svg = weeks.Document.QuerySelector("#trend-Trust svg, figure svg")!;
        var description = weeks.Document.QuerySelector("#trend-Trust-desc")!.TextContent;
        var thisWeekLabel = firstWeek.AddWeeks(10).Start.ToString("d MMM", British);
        var quietWeekLabel = firstWeek.AddWeeks(9).Start.ToString("d MMM", British);
        Assert.Equal(5, weeks.Document.QuerySelectorAll("svg[role='img']").Length);
        // Eleven weeks since the couple formed: the charts start there, not twelve weeks back.
        Assert.Equal("Trust, since you became a couple", svg.QuerySelector("title")!.TextContent);
        Assert.Equal("trend-Trust-title trend-Trust-desc", svg.GetAttribute("aria-labelledby"));
        Assert.Contains($"{thisWeekLabel}: 1", description, StringComparison.Ordinal);
        Assert.Contains($"{quietWeekLabel}: no check-in", description, StringComparison.Ordinal);
        Assert.Equal(11, weeks.Document.QuerySelectorAll(".chart")[0].QuerySelectorAll("details tbody tr").Length);
        Assert.Equal("Trust, since you became a couple", months.Document.QuerySelector("#trend-Trust-title")!.TextContent);
        Assert.DoesNotContain("style=", weeks.Html, StringComparison.OrdinalIgnoreCase);
        Assert.All(weeks.Document.Scripts, script => Assert.StartsWith("/js/site.", script.Source, StringComparison.Ordinal));
    }

    // Weeks 0..10 since the couple formed (UTC, so seven days is always one week): A answers all but the
    // missed weeks with trust (week % 5) + 1; B answers the even ones.
    private async Task<(TestUser A, TestUser B, IsoWeek FirstWeek)> SeedElevenWeeksAsync()
    {
        var (a, b) = await app.CreateCoupleAsync();
        await app.ChangeTimeZoneAsync(a, "UTC");
        var clock = app.ClockFromApp();
        var firstWeek = IsoWeek.Current(clock, TimeZoneInfo.Utc);
        for (var week = 0; week <= 10; week++)
        {
            if (!MissedWeeks.Contains(week))
            {
                await app.SubmitThisWeekAsync(clock, a, Answers(trust: (week % 5) + 1));
                if (week % 2 == 0)
                {
                    await app.SubmitThisWeekAsync(clock, b, Answers(trust: 3));
                }
            }

            clock.Advance(TimeSpan.FromDays(7));
        }

        app.Clock.Advance(TimeSpan.FromDays(70));
        return (a, b, firstWeek);
    }

    private static IEnumerable<string> Weeks(HtmlPage page) =>
        page.Document.QuerySelectorAll("#history-weeks > li").Select(li => li.GetAttribute("data-week")!);
}
