using System.Globalization;
using TrustCheckIn.Tests.Infrastructure;

namespace TrustCheckIn.Tests.Accounts;

public sealed class LookAndDatesTests(TestApp app) : IClassFixture<TestApp>
{
    [Fact]
    public async Task ADarkOrLightChoiceIsSavedOnTheAccountAndMarksEveryPageUntilSetBackToTheDevice()
    {
        var user = await app.CreateUserAsync("Noor");
        var browser = await app.SignInAsync(user);
        var before = await browser.GetPageAsync("/");

        var dark = await browser.SubmitAndReadAsync(await browser.GetPageAsync("/Account/Manage/Appearance"), "#appearance-form", new() { ["Input.Theme"] = "Dark" });
        var elsewhere = await browser.GetPageAsync("/CheckIns");
        var again = await app.SignInAsync(user);
        var otherDevice = await again.GetPageAsync("/");
        await browser.SubmitAndReadAsync(await browser.GetPageAsync("/Account/Manage/Appearance"), "#appearance-form", new() { ["Input.Theme"] = "Light" });
        var light = await browser.GetPageAsync("/");
        await browser.SubmitAndReadAsync(await browser.GetPageAsync("/Account/Manage/Appearance"), "#appearance-form", new() { ["Input.Theme"] = "System" });
        var system = await browser.GetPageAsync("/");

        Assert.False(before.Document.DocumentElement.HasAttribute("class"));
        Assert.Contains("Saved", dark.Text, StringComparison.Ordinal);
        Assert.True(dark.Document.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("#theme-dark")!.IsChecked);
        Assert.Equal("theme-dark", elsewhere.Document.DocumentElement.ClassName);
        Assert.Equal("theme-dark", otherDevice.Document.DocumentElement.ClassName);
        Assert.Equal("theme-light", light.Document.DocumentElement.ClassName);
        Assert.False(system.Document.DocumentElement.HasAttribute("class"));
    }

    [Theory]
    [InlineData("en-GB,en;q=0.8", "1 December 2026", "18:30")]
    [InlineData("en-US,en;q=0.8", "December 1, 2026", "6:30 PM")]
    public async Task DatesAndTimesFollowTheBrowsersLanguage(string acceptLanguage, string day, string time)
    {
        var (a, _) = await app.CreateCoupleAsync("Mira", "Tom");
        var browser = await app.SignInAsync(a);
        browser.DefaultRequestHeaders.AcceptLanguage.ParseAdd(acceptLanguage);
        var formed = app.Clock.GetUtcNow().UtcDateTime;

        var appearance = await browser.GetPageAsync("/Account/Manage/Appearance");
        var couple = await browser.GetPageAsync("/Couple");

        var example = appearance.Document.QuerySelector("#date-example")!.TextContent;
        Assert.Contains(day, example, StringComparison.Ordinal);
        Assert.Contains(time, example.Replace('\u202f', ' '), StringComparison.Ordinal);
        var culture = CultureInfo.GetCultureInfo(acceptLanguage[..5]);
        var expectedFormed = acceptLanguage.StartsWith("en-US", StringComparison.Ordinal)
            ? formed.ToString("MMMM d, yyyy", culture)
            : formed.ToString("d MMMM yyyy", culture);
        Assert.Contains($"since {expectedFormed}", couple.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AChosenPlaceWinsOverTheBrowserAndAnUnknownOneIsRefusedNextToTheField()
    {
        var user = await app.CreateUserAsync("Ines");
        var browser = await app.SignInAsync(user);
        browser.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en-GB");

        var refused = await browser.SubmitAndReadAsync(await browser.GetPageAsync("/Account/Manage/Appearance"), "#appearance-form", new() { ["Input.Locale"] = "xx-YY", ["Input.Theme"] = "Dark" });
        var saved = await browser.SubmitAndReadAsync(await browser.GetPageAsync("/Account/Manage/Appearance"), "#appearance-form", new() { ["Input.Locale"] = "en-US" });

        Assert.Contains("Please choose one of the places in the list.", refused.Document.QuerySelector("[data-valmsg-for='Input.Locale']")!.TextContent, StringComparison.Ordinal);
        Assert.True(refused.Document.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("#theme-dark")!.IsChecked);
        Assert.Contains("December 1, 2026", saved.Document.QuerySelector("#date-example")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("en-US", saved.Document.QuerySelector<AngleSharp.Html.Dom.IHtmlSelectElement>("#Input_Locale")!.Value);
    }
}
