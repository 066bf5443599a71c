using System.Net;
using Ical.Net;
using Microsoft.EntityFrameworkCore;
using TrustCheckIn.Reminders;
using TrustCheckIn.Tests.CheckIns;
using TrustCheckIn.Tests.Infrastructure;
using static TrustCheckIn.Tests.CheckIns.CheckInSeeding;

namespace TrustCheckIn.Tests.Reminders;

public sealed class CalendarFeedTests(TestApp app) : IClassFixture<TestApp>
{
    [Fact]
    public async Task TheFeedIsAWeeklyCheckInAtTheReminderTimeInTheCouplesTimeZone()
    {
        var canary = $"Canary{Guid.NewGuid():N}";
        var (a, _) = await app.CreateCoupleAsync();
        await app.ChangeTimeZoneAsync(a, "America/New_York");
        await app.SaveRemindersAsync(a, day: DayOfWeek.Wednesday, hour: 19, minute: 45);
        await app.SubmitThisWeekAsync(app.ClockFromApp(), a, Answers(wentWell: canary));
        var browser = await app.SignInAsync(a);

        var url = await MakeAddressAsync(browser);
        var response = await app.CreateBrowser().GetAsync(url);
        var text = await response.Content.ReadAsStringAsync();
        var calendar = Calendar.Load(text)!;
        var checkIn = Assert.Single(calendar.Events);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/calendar", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("Weekly check-in", checkIn.Summary);
        Assert.Null(checkIn.Description);
        Assert.Equal(Ical.Net.FrequencyType.Weekly, checkIn.RecurrenceRule!.Frequency);
        Assert.Equal([DayOfWeek.Sunday], checkIn.RecurrenceRule.ByDay.Select(d => d.DayOfWeek));
        Assert.Equal("America/New_York", checkIn.Start!.TzId);
        Assert.Equal((19, 45), (checkIn.Start.Hour, checkIn.Start.Minute));
        Assert.Equal(DayOfWeek.Sunday, checkIn.Start.DayOfWeek);
        var zone = Assert.Single(calendar.TimeZones);
        Assert.Equal("America/New_York", zone.TzId);
        Assert.Contains(zone.TimeZoneInfos, i => i.Name == "DAYLIGHT");
        Assert.Contains("RRULE:FREQ=WEEKLY;BYDAY=SU", text, StringComparison.Ordinal);
        Assert.DoesNotContain(canary, text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WithRemindersOffTheEventIsAtSixInTheEvening()
    {
        var (a, _) = await app.CreateCoupleAsync();
        await app.SaveRemindersAsync(a, checkIn: false, hour: 7);
        var browser = await app.SignInAsync(a);

        var calendar = Calendar.Load(await app.CreateBrowser().GetStringAsync(await MakeAddressAsync(browser)))!;

        Assert.Equal((18, 0), (calendar.Events.Single().Start!.Hour, calendar.Events.Single().Start!.Minute));
        Assert.Equal("Europe/London", calendar.Events.Single().Start!.TzId);
    }

    [Fact]
    public async Task ANewAddressMakesTheOldOneNotFoundAndTheAddressIsShownOnlyOnce()
    {
        var (a, _) = await app.CreateCoupleAsync();
        var browser = await app.SignInAsync(a);
        var visitor = app.CreateBrowser();

        var first = await MakeAddressAsync(browser);
        var later = await browser.GetPageAsync("/Reminders");
        var second = await MakeAddressAsync(browser);

        Assert.NotEqual(first, second);
        Assert.Null(later.Document.QuerySelector("#calendar-address"));
        Assert.DoesNotContain(first, later.Html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync(first)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await visitor.GetAsync(second)).StatusCode);
    }

    [Fact]
    public async Task UnknownAndRemovedAddressesAreNotFound()
    {
        var (a, _) = await app.CreateCoupleAsync();
        var browser = await app.SignInAsync(a);
        var visitor = app.CreateBrowser();
        var url = await MakeAddressAsync(browser);

        var removed = await browser.SubmitAndReadAsync(await browser.GetPageAsync("/Reminders"), "#remove-calendar-feed-form");

        Assert.Contains("Your calendar address is removed.", removed.Text, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync("/Calendar/not-a-real-token.ics")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync($"/Calendar/{new string('A', 43)}.ics")).StatusCode);
    }

    [Fact]
    public async Task OnlyAHashOfTheTokenIsStored()
    {
        var (a, _) = await app.CreateCoupleAsync();
        var browser = await app.SignInAsync(a);
        var url = await MakeAddressAsync(browser);
        var token = url["/Calendar/".Length..^".ics".Length];

        var stored = await app.WithDbAsync(db => db.CalendarFeeds.AsNoTracking().SingleAsync(f => f.UserId == a.Id));

        Assert.True(token.Length >= 43, "The token carries at least 32 random bytes.");
        Assert.NotEqual(token, stored.TokenHash);
        Assert.Equal(CalendarFeed.Hash(token), stored.TokenHash);
    }

    [Fact]
    public async Task AFormerPartnersFeedIsAnEmptyCalendar()
    {
        var (a, _) = await app.CreateCoupleAsync();
        var browser = await app.SignInAsync(a);
        var url = await MakeAddressAsync(browser);

        await app.WithServiceAsync<Common.Result, TrustCheckIn.Couples.CoupleService>(c => c.LeaveAsync(a.Id));
        var calendar = Calendar.Load(await app.CreateBrowser().GetStringAsync(url))!;

        Assert.Empty(calendar.Events);
    }

    // Makes the address on the reminders page and returns its path.
    private static async Task<string> MakeAddressAsync(HttpClient browser)
    {
        var made = await browser.SubmitAndReadAsync(await browser.GetPageAsync("/Reminders"), "#calendar-feed-form");
        var address = made.Document.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("#calendar-address")?.Value
            ?? throw new InvalidOperationException("No calendar address on the page.");
        return new Uri(address).AbsolutePath;
    }
}
