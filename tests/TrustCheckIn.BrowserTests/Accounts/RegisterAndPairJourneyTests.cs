namespace TrustCheckIn.BrowserTests.Accounts;

public sealed class RegisterAndPairJourneyTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task TwoPeopleRegisterConfirmAndPairByInvitation()
    {
        var alex = await app.NewPageAsync();
        var jo = await app.NewPageAsync();
        var alexEmail = Journeys.NewEmail("alex");
        var joEmail = Journeys.NewEmail("jo");

        await Journeys.RegisterAndConfirmAsync(app, alex, "Alex", alexEmail);
        await Journeys.RegisterAndConfirmAsync(app, jo, "Jo", joEmail);
        await Journeys.PairAsync(app, alex, jo, "Alex");
        await alex.GotoAsync("/");

        await Assertions.Expect(alex.GetByRole(AriaRole.Heading, new() { Name = "You and Jo" })).ToBeVisibleAsync();
        await app.CheckPageAsync(alex, "Home, paired (inviter)");
    }
}
