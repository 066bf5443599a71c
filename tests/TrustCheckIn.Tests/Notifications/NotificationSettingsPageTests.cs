using TrustCheckIn.Notifications;
using TrustCheckIn.Tests.Infrastructure;

namespace TrustCheckIn.Tests.Notifications;

public sealed class NotificationSettingsPageTests(TestApp app) : IClassFixture<TestApp>
{
    [Theory]
    [InlineData("en-GB", "22:00", "07:00", "23:30", "6:45", "10:30 PM")]
    [InlineData("en-US", "10:00 PM", "7:00 AM", "11:30 PM", "6:45 AM", "23:30 PM")]
    public async Task QuietHoursAreExplainedAndTypedOnTheReadersClockWhileTheFieldsStillSend24Hours(string locale, string fromExample, string untilExample, string typedFrom, string typedUntil, string refused)
    {
        var (a, _) = await app.CreateCoupleAsync();
        var browser = await app.SignInAsync(a);
        await browser.SubmitAndReadAsync(await browser.GetPageAsync("/Account/Manage/Appearance"), "#appearance-form", new() { ["Input.Locale"] = locale });

        var page = await browser.GetPageAsync("/Notifications/Settings");
        var bad = await browser.SubmitAndReadAsync(page, "#notification-settings-form", new() { ["Input.QuietFrom"] = refused, ["Input.QuietUntil"] = typedUntil });
        var saved = await browser.SubmitAndReadAsync(await browser.GetPageAsync("/Notifications/Settings"), "#notification-settings-form", new() { ["Input.QuietFrom"] = typedFrom, ["Input.QuietUntil"] = typedUntil });
        var settings = await app.WithServiceAsync<NotificationSettingsService.SettingsView, NotificationSettingsService>(s => s.GetAsync(a.Id, [NotificationKind.StatementShared]));

        Assert.Equal($"Written like {fromExample}.", HtmlPage.Spaced(page.Document.QuerySelector("#quiet-from-hint")!.TextContent));
        Assert.Equal($"Written like {untilExample}.", HtmlPage.Spaced(page.Document.QuerySelector("#quiet-until-hint")!.TextContent));
        Assert.Equal("22:00", page.Document.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("#Input_QuietFrom")!.Value);
        Assert.Equal($"Please enter a time as hours and minutes, like {fromExample}.", HtmlPage.Spaced(bad.Document.QuerySelector("[data-valmsg-for='Input.QuietFrom']")!.TextContent));
        Assert.Equal(refused, bad.Document.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("#Input_QuietFrom")!.Value);
        Assert.Equal(typedUntil, bad.Document.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("#Input_QuietUntil")!.Value);
        Assert.Contains("Saved.", saved.Text, StringComparison.Ordinal);
        Assert.Equal((new TimeOnly(23, 30), new TimeOnly(6, 45)), (settings.QuietFrom, settings.QuietUntil));
        Assert.Equal("23:30", saved.Document.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("#Input_QuietFrom")!.Value);
        Assert.Equal("06:45", saved.Document.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("#Input_QuietUntil")!.Value);
    }

    [Fact]
    public async Task ThePersonalTimeZoneIsChosenByCityNotByItsInternalName()
    {
        var (a, _) = await app.CreateCoupleAsync();
        var browser = await app.SignInAsync(a);

        var page = await browser.GetPageAsync("/Notifications/Settings");
        var saved = await browser.SubmitAndReadAsync(page, "#notification-settings-form", new() { ["Input.TimeZoneId"] = "America/Chicago" });
        var options = page.Document.QuerySelectorAll("#Input_TimeZoneId option").Select(o => o.TextContent).ToList();

        Assert.Contains("London", options);
        Assert.DoesNotContain(options, o => o.Contains('/', StringComparison.Ordinal));
        Assert.Equal("Chicago", saved.Document.QuerySelector("#Input_TimeZoneId option[selected]")!.TextContent);
        Assert.NotNull(page.Document.QuerySelector("#Input_TimeZoneId optgroup[label='Europe'] option[value='Europe/London']"));
    }
}
