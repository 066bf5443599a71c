namespace TrustCheckIn.BrowserTests.Couples;

public sealed class TimeZoneAndLookJourneyTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task ANewCouplesTimeZoneIsTheBrowsersOwnAndTheInvitationNamesItsCity()
    {
        var page = await app.NewPageAsync(timeZone: "America/Chicago");
        await Journeys.RegisterAndConfirmAsync(app, page, "Vic", Journeys.NewEmail("vic"));

        await page.GotoAsync("/Couple");

        await Assertions.Expect(page.Locator("#invite-form select[name='Input.TimeZoneId']")).ToHaveValueAsync("America/Chicago");
        await app.CheckPageAsync(page, "Couple, time zone from the browser");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create an invitation" }).ClickAsync();
        await Assertions.Expect(page.Locator("#open-invitations")).ToContainTextAsync("Chicago time");
        await Assertions.Expect(page.Locator("#open-invitations")).Not.ToContainTextAsync("America/Chicago");
    }

    [Fact]
    public async Task AZoneOutsideTheShortListIsChosenInTheFullListWhichOpens()
    {
        var page = await app.NewPageAsync(timeZone: "Asia/Kathmandu");
        await Journeys.RegisterAndConfirmAsync(app, page, "Wen", Journeys.NewEmail("wen"));

        await page.GotoAsync("/Couple");

        await Assertions.Expect(page.Locator("#invite-form details.other-time-zone")).ToHaveAttributeAsync("open", "");
        await Assertions.Expect(page.GetByLabel("Any time zone, by region and city")).ToHaveValueAsync("Asia/Kathmandu");
        await app.CheckPageAsync(page, "Couple, time zone from the full list");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create an invitation" }).ClickAsync();
        await Assertions.Expect(page.Locator("#open-invitations")).ToContainTextAsync("Kathmandu time");
    }

    [Fact]
    public async Task WithoutJavaScriptTheShortListStartsAtLondonAndAnotherTimeZoneOpensByHand()
    {
        var page = await app.NewPageAsync(javaScript: false, timeZone: "America/Chicago");
        await Journeys.RegisterAndConfirmAsync(app, page, "Xan", Journeys.NewEmail("xan"));

        await page.GotoAsync("/Couple");

        await Assertions.Expect(page.Locator("#invite-form select[name='Input.TimeZoneId']")).ToHaveValueAsync("Europe/London");
        await page.GetByText("Another time zone").ClickAsync();
        await page.GetByLabel("Any time zone, by region and city").SelectOptionAsync("Pacific/Auckland");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create an invitation" }).ClickAsync();
        await Assertions.Expect(page.Locator("#open-invitations")).ToContainTextAsync("Auckland time");
    }

    [Fact]
    public async Task DarkChosenOnTheAccountDarkensEveryPageWhateverTheDeviceSays()
    {
        var page = await app.NewPageAsync();
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
