using TrustCheckIn.Tests.Infrastructure;

namespace TrustCheckIn.Tests.Couples;

public sealed class TimeZoneChoiceTests(TestApp app) : IClassFixture<TestApp>
{
    [Fact]
    public async Task WithoutJavaScriptANewCoupleGetsAShortListByRegionInCityNamesWithTheFullListBehindAnotherTimeZone()
    {
        var browser = await app.SignInAsync(await app.CreateUserAsync("Rae"));

        var page = await browser.GetPageAsync("/Couple");

        Assert.NotNull(page.Document.QuerySelector("#invite-form .fill-time-zone select[name='Input.TimeZoneId']"));
        var common = page.Document.QuerySelector<AngleSharp.Html.Dom.IHtmlSelectElement>("#invite-form select[name='Input.TimeZoneId']")!;
        Assert.Equal("Europe/London", common.Value);
        Assert.Equal("London", common.SelectedOptions.Single().Text.Trim());
        Assert.InRange(common.Options.Length, 20, 60);
        Assert.Contains(page.Document.QuerySelectorAll("#invite-form select[name='Input.TimeZoneId'] optgroup"), g => g.GetAttribute("label") == "Europe");
        Assert.Contains(common.Options, o => o.Value == "America/New_York" && o.Text.Trim() == "New York");
        Assert.All(common.Options, o => Assert.DoesNotContain("/", o.Text, StringComparison.Ordinal));
        var summary = page.Document.QuerySelector("#invite-form details.other-time-zone summary")!;
        Assert.Equal("Another time zone", summary.TextContent.Trim());
        var other = page.Document.QuerySelector<AngleSharp.Html.Dom.IHtmlSelectElement>("#invite-form details select[name='Input.OtherTimeZoneId']")!;
        Assert.True(other.Options.Length > 300);
        Assert.Equal("", other.Value);
        Assert.Contains(other.Options, o => o.Value == "Asia/Kathmandu" && o.Text.Trim() == "Kathmandu");
    }

    [Fact]
    public async Task AZoneFromTheFullListWinsAndEveryPageNamesItByItsCityNeverByItsId()
    {
        var (a, b) = (await app.CreateUserAsync("Sol"), await app.CreateUserAsync("Uma"));
        var solBrowser = await app.SignInAsync(a);
        var umaBrowser = await app.SignInAsync(b);

        var invited = await solBrowser.SubmitAndReadAsync(await solBrowser.GetPageAsync("/Couple"), "#invite-form", new() { ["Input.OtherTimeZoneId"] = "Asia/Kathmandu" });
        var link = invited.Document.QuerySelector("#open-invitations a")!.GetAttribute("href")!;
        await umaBrowser.SubmitAndReadAsync(await umaBrowser.GetPageAsync(link), "#join-form");
        var home = await solBrowser.GetPageAsync("/");
        var settings = await solBrowser.GetPageAsync("/Couple");
        var reminders = await solBrowser.GetPageAsync("/Reminders");

        Assert.Contains("Kathmandu time", invited.Text, StringComparison.Ordinal);
        Assert.Contains("(Kathmandu time)", home.Text, StringComparison.Ordinal);
        Assert.Contains("In Kathmandu time", reminders.Text, StringComparison.Ordinal);
        Assert.Equal("Asia/Kathmandu", settings.Document.QuerySelector<AngleSharp.Html.Dom.IHtmlSelectElement>("#schedule-form select[name='Input.TimeZoneId']")!.Value);
        Assert.Null(settings.Document.QuerySelector("#schedule-form .fill-time-zone"));
        foreach (var page in new[] { invited, home, reminders })
        {
            Assert.DoesNotContain("Asia/Kathmandu", page.Document.Body!.TextContent, StringComparison.Ordinal);
        }
    }
}
