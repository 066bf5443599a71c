namespace TrustCheckIn.BrowserTests.Couples;

public sealed class TimeZoneAndLookJourneyTests(BrowserApp app) : TimeZoneAndLookJourney(app, javaScript: true), IClassFixture<BrowserApp>;

public sealed class TimeZoneAndLookJourneyWithoutJavaScriptTests(BrowserApp app) : TimeZoneAndLookJourney(app, javaScript: false), IClassFixture<BrowserApp>;

// With JavaScript the browser's zone is filled in; without it the short list starts at London and people choose.
public abstract class TimeZoneAndLookJourney(BrowserApp app, bool javaScript)
{
    [Fact]
    public async Task ANewCouplesTimeZoneIsTheBrowsersOwnOrChosenInTheShortListAndTheInvitationNamesItsCity()
    {
        var page = await app.NewPageAsync(javaScript, timeZone: "America/Chicago");
        await Journeys.RegisterAndConfirmAsync(app, page, "Vic", Journeys.NewEmail("vic"));

        await page.GotoAsync("/Couple");

        var zone = page.Locator("#invite-form select[name='Input.TimeZoneId']");
        await Assertions.Expect(zone).ToHaveValueAsync(javaScript ? "America/Chicago" : "Europe/London");
        await app.CheckPageAsync(page, javaScript ? "Couple, time zone from the browser" : "Couple, time zone short list");
        if (!javaScript)
        {
            await zone.SelectOptionAsync(new SelectOptionValue { Label = "Chicago" });
        }

        await page.GetByRole(AriaRole.Button, new() { Name = "Create an invitation" }).ClickAsync();
        await Assertions.Expect(page.Locator("#open-invitations")).ToContainTextAsync("Chicago time");
        await Assertions.Expect(page.Locator("#open-invitations")).Not.ToContainTextAsync("America/Chicago");
    }

    [Fact]
    public async Task AZoneOutsideTheShortListIsChosenInTheFullList()
    {
        var page = await app.NewPageAsync(javaScript, timeZone: "Asia/Kathmandu");
        await Journeys.RegisterAndConfirmAsync(app, page, "Wen", Journeys.NewEmail("wen"));

        await page.GotoAsync("/Couple");

        var other = page.Locator("#invite-form details.other-time-zone");
        if (javaScript)
        {
            await Assertions.Expect(other).ToHaveAttributeAsync("open", "");
            await Assertions.Expect(page.GetByLabel("Any time zone, by region and city")).ToHaveValueAsync("Asia/Kathmandu");
        }
        else
        {
            await Assertions.Expect(other).Not.ToHaveAttributeAsync("open", "");
            await page.GetByText("Another time zone").ClickAsync();
            await page.GetByLabel("Any time zone, by region and city").SelectOptionAsync("Asia/Kathmandu");
        }

        await app.CheckPageAsync(page, "Couple, time zone from the full list");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create an invitation" }).ClickAsync();
        await Assertions.Expect(page.Locator("#open-invitations")).ToContainTextAsync("Kathmandu time");
    }

    [Fact]
    public async Task DarkChosenOnTheAccountDarkensEveryPageWhateverTheDeviceSays()
    {
        var page = await app.NewPageAsync(javaScript);
        await Journeys.RegisterAndConfirmAsync(app, page, "Yara", Journeys.NewEmail("yara"));
        await page.EmulateMediaAsync(new() { ColorScheme = ColorScheme.Light });

        await page.GotoAsync("/More");
        await page.GetByRole(AriaRole.Link, new() { Name = "Look and dates" }).ClickAsync();
        await app.CheckPageAsync(page, "Look and dates");
        await page.GetByLabel("Dark").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Saved");
        await page.EmulateMediaAsync(new() { ColorScheme = ColorScheme.Light });
        await page.GotoAsync("/CheckIns");

        await Assertions.Expect(page.Locator("html")).ToHaveClassAsync("theme-dark");
        var background = await page.EvaluateAsync<string>("() => getComputedStyle(document.body).backgroundColor");
        Assert.Equal("rgb(21, 20, 25)", background);
        await app.CheckPageAsync(page, "Check-in, dark chosen");
    }
}
