using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TrustCheckIn.Accounts;
using TrustCheckIn.Reminders;
using TrustCheckIn.Tests.CheckIns;
using TrustCheckIn.Tests.Infrastructure;
using static TrustCheckIn.Tests.Reminders.ReminderSeeding;

namespace TrustCheckIn.Tests.Reminders;

public sealed class ReminderPagesTests(TestApp app) : IClassFixture<TestApp>
{
    [Fact]
    public async Task TheHomePageShowsTheDefaultNextReminderWithALinkToChangeIt()
    {
        var (a, _) = await app.CreateCoupleAsync();
        var browser = await app.SignInAsync(a);

        var home = await browser.GetPageAsync("/");
        var card = home.Document.QuerySelector("#next-reminder")!;

        Assert.Contains("Sunday", card.TextContent, StringComparison.Ordinal);
        Assert.Contains("18:00", card.TextContent, StringComparison.Ordinal);
        Assert.Contains("(London time)", card.TextContent, StringComparison.Ordinal);
        Assert.NotNull(card.QuerySelector("a[href='/Reminders']"));
    }

    [Fact]
    public async Task TheFormStartsFromTheDefaultsAndSavingMovesTheNextReminder()
    {
        var (a, _) = await app.CreateCoupleAsync();
        var browser = await app.SignInAsync(a);
        var page = await browser.GetPageAsync("/Reminders");

        var saved = await browser.SubmitAndReadAsync(page, "#reminders-form", new()
        {
            ["Input.CheckInDay"] = ((int)DayOfWeek.Wednesday).ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Input.Time"] = "07:30",
        });
        var home = await browser.GetPageAsync("/");

        Assert.Equal("18:00", page.Document.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("#Input_Time")!.Value);
        Assert.Equal(((int)DayOfWeek.Sunday).ToString(System.Globalization.CultureInfo.InvariantCulture), page.Document.QuerySelector<AngleSharp.Html.Dom.IHtmlSelectElement>("#Input_CheckInDay")!.Value);
        Assert.Contains("Saved. Your check-in reminder comes on Wednesdays at 07:30.", saved.Text, StringComparison.Ordinal);
        Assert.Contains("Wednesday", home.Document.QuerySelector("#next-reminder")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("07:30", home.Document.QuerySelector("#next-reminder")!.TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("en-GB", "18:00", "18:30", "6:30 PM")]
    [InlineData("en-US", "6:00 PM", "6:30 PM", "18:30 PM")]
    public async Task TheTimeHintFollowsTheChosenLocaleWhichIsAcceptedTypedWhileTheFieldStillSends24Hours(string locale, string example, string typed, string refused)
    {
        var (a, _) = await app.CreateCoupleAsync();
        var browser = await app.SignInAsync(a);
        await browser.SubmitAndReadAsync(await browser.GetPageAsync("/Account/Manage/Appearance"), "#appearance-form", new() { ["Input.Locale"] = locale });

        var page = await browser.GetPageAsync("/Reminders");
        var bad = await browser.SubmitAndReadAsync(page, "#reminders-form", new() { ["Input.Time"] = refused });
        var saved = await browser.SubmitAndReadAsync(await browser.GetPageAsync("/Reminders"), "#reminders-form", new() { ["Input.Time"] = typed });
        var after = await browser.GetPageAsync("/Reminders");
        var settings = await app.WithServiceAsync<ReminderService.SettingsView?, ReminderService>(r => r.GetSettingsAsync(a.Id));

        Assert.Equal($"In London time, written like {example}.", HtmlPage.Spaced(page.Document.QuerySelector("#time-hint")!.TextContent));
        Assert.DoesNotContain("24-hour", page.Text, StringComparison.Ordinal);
        Assert.Contains($"Please enter a time as hours and minutes, like {example}.", HtmlPage.Spaced(bad.Document.QuerySelector("[data-valmsg-for='Input.Time']")!.TextContent), StringComparison.Ordinal);
        Assert.Contains($"at {typed}.", HtmlPage.Spaced(saved.Text), StringComparison.Ordinal);
        Assert.Equal(new TimeOnly(18, 30), settings!.Settings.CheckInTime);
        Assert.Equal("18:30", after.Document.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("#Input_Time")!.Value);
    }

    [Fact]
    public async Task AnInvalidTimeIsExplainedAndEverythingTypedIsKept()
    {
        var (a, _) = await app.CreateCoupleAsync();
        var browser = await app.SignInAsync(a);

        var page = await browser.SubmitAndReadAsync(await browser.GetPageAsync("/Reminders"), "#reminders-form", new()
        {
            ["Input.CheckInDay"] = ((int)DayOfWeek.Friday).ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Input.Time"] = "25:99",
            ["Input.ReviewEnabled"] = "false",
        });
        var settings = await app.WithServiceAsync<ReminderService.SettingsView?, ReminderService>(r => r.GetSettingsAsync(a.Id));

        Assert.Contains("Please enter a time as hours and minutes, like 18:00.", page.Text, StringComparison.Ordinal);
        Assert.Equal("25:99", page.Document.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("#Input_Time")!.Value);
        Assert.Equal(((int)DayOfWeek.Friday).ToString(System.Globalization.CultureInfo.InvariantCulture), page.Document.QuerySelector<AngleSharp.Html.Dom.IHtmlSelectElement>("#Input_CheckInDay")!.Value);
        Assert.False(page.Document.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("#Input_ReviewEnabled")!.IsChecked);
        Assert.Equal(new TimeOnly(18, 0), settings!.Settings.CheckInTime);
    }

    [Fact]
    public async Task TurningTheWeeklyReminderOffShowsOnTheHomePage()
    {
        var (a, _) = await app.CreateCoupleAsync();
        var browser = await app.SignInAsync(a);

        var saved = await browser.SubmitAndReadAsync(await browser.GetPageAsync("/Reminders"), "#reminders-form", new() { ["Input.CheckInEnabled"] = "false" });
        var home = await browser.GetPageAsync("/");

        Assert.Contains("Your weekly check-in reminder is off.", saved.Text, StringComparison.Ordinal);
        Assert.Contains("Your weekly check-in reminder is off.", home.Document.QuerySelector("#next-reminder")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheNextReminderIsTheChosenLocalTimeAcrossTheClockChange()
    {
        var (a, _) = await app.CreateCoupleAsync();
        var clock = ClockAt(2030, 3, 31, 16, 30);
        await using var scope = app.Services.CreateAsyncScope();
        var reminders = ActivatorUtilities.CreateInstance<ReminderService>(scope.ServiceProvider, clock);

        // 16:30 UTC is 17:30 in London on the first day of summer time: today's 18:00 is still ahead.
        var beforeSix = await reminders.GetNextReminderAsync(a.Id);
        clock.MoveTo(2030, 3, 31, 17, 0);
        var atSix = await reminders.GetNextReminderAsync(a.Id);

        Assert.Equal(new DateTime(2030, 3, 31, 18, 0, 0), beforeSix!.LocalTime);
        Assert.Equal(new DateTime(2030, 4, 7, 18, 0, 0), atSix!.LocalTime);
    }

    [Fact]
    public async Task AfterCheckingInTheNextReminderIsNextWeeks()
    {
        var (a, _) = await app.CreateCoupleAsync();
        var clock = ClockAt(2030, 5, 5, 9, 0);
        await app.SubmitThisWeekAsync(clock, a, CheckInSeeding.Answers());
        await using var scope = app.Services.CreateAsyncScope();

        var next = await ActivatorUtilities.CreateInstance<ReminderService>(scope.ServiceProvider, clock).GetNextReminderAsync(a.Id);

        Assert.Equal(new DateTime(2030, 5, 12, 18, 0, 0), next!.LocalTime);
    }

    [Fact]
    public async Task APartnerWithoutACoupleIsToldRemindersStartOncePaired()
    {
        var single = await app.CreateUserAsync();
        var browser = await app.SignInAsync(single);

        var page = await browser.GetPageAsync("/Reminders");
        var refused = await app.WithServiceAsync<Common.Result, ReminderService>(r => r.SaveAsync(single.Id, new ReminderSettings(true, DayOfWeek.Monday, new TimeOnly(9, 0), true)));

        Assert.Equal(HttpStatusCode.OK, page.Response.StatusCode);
        Assert.Contains("start once you and your partner are paired", page.Text, StringComparison.Ordinal);
        Assert.Null(page.Document.QuerySelector("#reminders-form"));
        Assert.False(refused.Succeeded);
    }

    [Fact]
    public async Task RemindersAreInTheDownloadAndGoneAfterErasure()
    {
        var (a, _) = await app.CreateCoupleAsync();
        await app.SaveRemindersAsync(a, day: DayOfWeek.Monday, hour: 8);
        await app.WithServiceAsync<Common.Result<string>, CalendarFeedService>(c => c.CreateOrRegenerateAsync(a.Id));
        await app.RunRemindersAsync(ClockAt(2030, 9, 2, 7, 30), new RecordingEmailSender());

        var export = await app.WithServiceAsync<Dictionary<string, IReadOnlyList<object>>, PersonalDataService>(p => p.ExportAsync(a.Id));
        await app.WithServiceAsync<bool, PersonalDataService>(async p =>
        {
            await p.EraseAsync(a.Id);
            return true;
        });
        var left = await app.WithDbAsync(async db => await db.ReminderPreferences.CountAsync(p => p.UserId == a.Id)
            + await db.ReminderDeliveries.CountAsync(d => d.UserId == a.Id)
            + await db.CalendarFeeds.CountAsync(f => f.UserId == a.Id));

        Assert.Single(export["my reminder settings"]);
        Assert.Single(export["reminders sent to me"]);
        Assert.False(export.ContainsKey("calendar address"));
        Assert.Equal(0, left);
    }
}
