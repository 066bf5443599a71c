namespace TrustCheckIn.BrowserTests.Expectations;

public sealed class ExpectationsJourneyTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task CoupleStartsFromTheStarterSetEditsResolvesAConflictAndReviewsTogether(bool javaScript)
    {
        var (ada, ben) = await Journeys.NewCoupleAsync(app, "Ada", "Ben", javaScript);

        await ada.GotoAsync("/Expectations");
        await app.CheckPageAsync(ada, "Expectations, empty");
        await ada.Locator("#starter-start-form button").ClickAsync();
        await Assertions.Expect(ada.Locator("#expectations tbody > tr")).ToHaveCountAsync(3);
        await Assertions.Expect(ada.Locator("#starter-start-form")).ToHaveCountAsync(0);
        await app.CheckPageAsync(ada, "Expectations, starter set");
        await ada.Locator("#expectations tbody > tr").First.GetByRole(AriaRole.Button, new() { Name = "I did this" }).ClickAsync();
        await Assertions.Expect(ada.GetByRole(AriaRole.Status)).ToContainTextAsync("Noted");
        await Assertions.Expect(ada.Locator("#expectations tbody > tr").First).ToContainTextAsync("Done once in the last 4 weeks");

        // A row's own page: a note with "I did this", and the partner noticing it.
        await ada.Locator("#expectations tbody > tr").First.GetByRole(AriaRole.Link, new() { NameRegex = new("^Notes and what was noticed") }).ClickAsync();
        await Assertions.Expect(ada.Locator("#follow-through-sentence")).ToContainTextAsync("Done once in the last 4 weeks");
        await app.CheckPageAsync(ada, "Expectations, a row");
        await ada.GetByLabel("A short note (optional)").FillAsync("Texted from the station");
        await ada.GetByRole(AriaRole.Button, new() { Name = "I did this" }).ClickAsync();
        await Assertions.Expect(ada.Locator("#follow-throughs")).ToContainTextAsync("“Texted from the station”");
        await ben.GotoAsync(ada.Url);
        await ben.GetByRole(AriaRole.Button, new() { Name = "I noticed" }).First.ClickAsync();
        await Assertions.Expect(ben.Locator("#follow-throughs")).ToContainTextAsync("You noticed.");
        await app.CheckPageAsync(ben, "Expectations, a row noticed");
        await ada.GotoAsync("/Expectations");

        var firstRow = ada.Locator("#expectations tbody > tr").First;
        await firstRow.Locator("summary").ClickAsync();
        await app.CheckPageAsync(ada, "Expectations, row menu open");
        await firstRow.GetByRole(AriaRole.Link, new() { Name = "Edit" }).ClickAsync();
        await app.CheckPageAsync(ada, "Expectations, edit");
        await ada.GetByLabel("What builds trust").FillAsync("Tell each other the day's plans over breakfast");
        await ada.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Assertions.Expect(ada.Locator("#expectations")).ToContainTextAsync("over breakfast");

        // Both open the same row; Ben saves first, then Ada's save meets his change.
        var editLink = await ada.Locator("#expectations tbody > tr").First.GetByRole(AriaRole.Link, new() { Name = "Edit", IncludeHidden = true }).GetAttributeAsync("href");
        await ada.GotoAsync(editLink!);
        await ben.GotoAsync(editLink!);
        await ben.GetByLabel("What builds trust").FillAsync("Send a short message when plans change");
        await ben.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Assertions.Expect(ben.Locator("#expectations")).ToContainTextAsync("when plans change");
        await ada.GetByLabel("What builds trust").FillAsync("Share plans each morning, and text if they change");
        await ada.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();

        await Assertions.Expect(ada.Locator("#conflict-theirs")).ToContainTextAsync("Send a short message when plans change");
        await Assertions.Expect(ada.Locator("#conflict-yours")).ToContainTextAsync("Share plans each morning, and text if they change");
        await Assertions.Expect(ada.GetByLabel("What builds trust")).ToHaveValueAsync("Share plans each morning, and text if they change");
        await app.CheckPageAsync(ada, "Expectations, conflict");
        await ada.GetByRole(AriaRole.Button, new() { Name = "Save my version" }).ClickAsync();
        await Assertions.Expect(ada.Locator("#expectations")).ToContainTextAsync("Share plans each morning, and text if they change");

        await ada.Locator("#review-form button").ClickAsync();
        await Assertions.Expect(ada.Locator("#review-waiting")).ToBeVisibleAsync();
        await ben.GotoAsync("/Expectations");
        await ben.Locator("#review-form button").ClickAsync();
        await Assertions.Expect(ben.Locator("#review")).ToContainTextAsync("reviewed");
        await app.CheckPageAsync(ben, "Expectations, reviewed");

        await ben.GotoAsync("/Expectations/History");
        await Assertions.Expect(ben.Locator("main")).ToContainTextAsync("Send a short message when plans change");
        await app.CheckPageAsync(ben, "Expectations, history");
    }
}
