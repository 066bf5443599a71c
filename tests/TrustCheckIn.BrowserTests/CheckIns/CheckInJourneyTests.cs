namespace TrustCheckIn.BrowserTests.CheckIns;

public sealed class CheckInJourneyTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task BothCheckInTheWeekStaysPrivateUntilBothHaveThenTheySeeItSideBySideAndReply()
    {
        var (cleo, dev) = await Journeys.NewCoupleAsync(app, "Cleo", "Dev");

        await CheckInJourney.RunAsync(app, cleo, dev, "Cleo", "Dev");

        await Assertions.Expect(cleo.Locator("#history-weeks > li").First).ToContainTextAsync("(this week)");
    }
}
