namespace TrustCheckIn.BrowserTests.CheckIns;

public sealed class NoJavaScriptJourneyTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task ACoupleWithJavaScriptOffRegistersPairsAndDoesTheWholeCheckIn()
    {
        var (eli, fay) = await Journeys.NewCoupleAsync(app, "Eli", "Fay", javaScript: false);

        await CheckInJourney.RunAsync(app, eli, fay, "Eli", "Fay");

        await Assertions.Expect(eli.Locator("#history-weeks > li").First).ToContainTextAsync("(this week)");
    }
}
