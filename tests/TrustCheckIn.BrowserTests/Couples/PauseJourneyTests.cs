namespace TrustCheckIn.BrowserTests.Couples;

// Journey: one partner suggests a two-week pause, the other accepts it from home, home says it is paused, one resumes.
public sealed class PauseJourneyTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task APauseIsSuggestedAcceptedFromHomeAndResumed(bool javaScript)
    {
        var (nameA, nameB) = javaScript ? ("Rory", "Sam") : ("Tess", "Uma");
        var (a, b) = await Journeys.NewCoupleAsync(app, nameA, nameB, javaScript);

        await a.GotoAsync("/Couple");
        await a.GetByRole(AriaRole.Link, new() { Name = "Pause check-ins" }).ClickAsync();
        await app.CheckPageAsync(a, "Pause, suggest");
        await a.GetByLabel("How long would you like to pause?").SelectOptionAsync(new SelectOptionValue { Label = "2 weeks" });
        await a.GetByRole(AriaRole.Button, new() { Name = "Suggest this pause" }).ClickAsync();
        await Assertions.Expect(a.Locator("#pause-proposed-by-me")).ToContainTextAsync("2 weeks");
        await app.CheckPageAsync(a, "Home, pause suggested");

        await b.GotoAsync("/");
        await Assertions.Expect(b.Locator("#pause-proposed-to-me")).ToContainTextAsync($"{nameA} suggests pausing your check-ins for 2 weeks");
        await app.CheckPageAsync(b, "Home, pause to answer");
        await b.GetByRole(AriaRole.Button, new() { Name = "Accept the pause" }).ClickAsync();
        await Assertions.Expect(b.GetByRole(AriaRole.Status)).ToContainTextAsync("Your check-ins are paused");
        await Assertions.Expect(b.Locator("#pause-running")).ToContainTextAsync("Paused until");
        await app.CheckPageAsync(b, "Home, paused");

        await a.GotoAsync("/");
        await Assertions.Expect(a.Locator("#pause-running")).ToContainTextAsync("Paused until");
        await a.GetByRole(AriaRole.Button, new() { Name = "Resume now" }).ClickAsync();
        await Assertions.Expect(a.GetByRole(AriaRole.Status)).ToContainTextAsync("check-ins are on again");
        await Assertions.Expect(a.Locator("#home-pause")).ToHaveCountAsync(0);
        await b.GotoAsync("/");
        await Assertions.Expect(b.Locator("#home-pause")).ToHaveCountAsync(0);
    }
}
