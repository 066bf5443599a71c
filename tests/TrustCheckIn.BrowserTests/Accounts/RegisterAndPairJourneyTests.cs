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

    [Fact]
    public async Task ThePartnerMenuFitsAPhoneWithTargetsTallEnoughForAThumb()
    {
        var kim = await app.NewPageAsync();
        await Journeys.RegisterAndConfirmAsync(app, kim, "Kim", Journeys.NewEmail("kim"));

        var targets = kim.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).Locator("a, button");

        // The brand, seven partner links, "For you", my account and sign out.
        await Assertions.Expect(targets).ToHaveCountAsync(11);
        foreach (var target in await targets.AllAsync())
        {
            var box = await target.BoundingBoxAsync();
            Assert.NotNull(box);
            // WCAG 2.2 asks for 24 px; the app's own rule is 44 px tall.
            Assert.True(box.Width >= 24 && box.Height >= 44, $"{await target.TextContentAsync()} is {box.Width}x{box.Height}.");
            Assert.True(box.X >= 0 && box.X + box.Width <= BrowserApp.PhoneWidth, $"{await target.TextContentAsync()} leaves the screen.");
        }
    }
}
