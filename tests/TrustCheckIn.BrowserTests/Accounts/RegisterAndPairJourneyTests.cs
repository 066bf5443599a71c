namespace TrustCheckIn.BrowserTests.Accounts;

public sealed class RegisterAndPairJourneyTests(BrowserApp app) : RegisterAndPairJourney(app, javaScript: true), IClassFixture<BrowserApp>;

public sealed class RegisterAndPairJourneyWithoutJavaScriptTests(BrowserApp app) : RegisterAndPairJourney(app, javaScript: false), IClassFixture<BrowserApp>;

public abstract class RegisterAndPairJourney(BrowserApp app, bool javaScript)
{
    [Fact]
    public async Task TwoPeopleRegisterConfirmAndPairByInvitation()
    {
        var alex = await app.NewPageAsync(javaScript);
        var jo = await app.NewPageAsync(javaScript);
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
    public async Task ThePartnerMenuIsOneBottomBarOfFiveLabelledTabsThatMarksWhereYouAreAndLeadsToSigningOut()
    {
        var kim = await app.NewPageAsync(javaScript);
        await Journeys.RegisterAndConfirmAsync(app, kim, "Kim", Journeys.NewEmail("kim"));
        var nav = kim.GetByRole(AriaRole.Navigation, new() { Name = "Main" });

        await kim.GotoAsync("/CheckIns");

        await Assertions.Expect(nav.Locator("a")).ToHaveTextAsync(["Home", "Check-in", "Together", "I feel", "More"]);
        await Assertions.Expect(nav.Locator("a svg.icon")).ToHaveCountAsync(5);
        await Assertions.Expect(nav.GetByRole(AriaRole.Link, new() { Name = "Check-in", Exact = true })).ToHaveAttributeAsync("aria-current", "page");
        await Assertions.Expect(nav.Locator("a[aria-current]")).ToHaveCountAsync(1);
        var bar = await nav.BoundingBoxAsync();
        Assert.NotNull(bar);
        Assert.True(bar.Y + bar.Height >= 799 && bar.Height <= 72, $"The bar is at {bar.Y} and {bar.Height} px tall.");

        await nav.GetByRole(AriaRole.Link, new() { Name = "More" }).ClickAsync();
        await app.CheckPageAsync(kim, "More");
        await Assertions.Expect(nav.GetByRole(AriaRole.Link, new() { Name = "More" })).ToHaveAttributeAsync("aria-current", "page");
        await kim.GetByRole(AriaRole.Link, new() { Name = "My journal" }).ClickAsync();
        await Assertions.Expect(nav.GetByRole(AriaRole.Link, new() { Name = "More" })).ToHaveAttributeAsync("aria-current", "true");
        await kim.SetViewportSizeAsync(BrowserApp.LaptopWidth, 800);
        var top = await nav.BoundingBoxAsync();
        Assert.NotNull(top);
        Assert.True(top.Y < 60, $"On a wide screen the menu sits in the top bar, not at {top.Y}.");
        await kim.GotoAsync("/More");
        await kim.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await Assertions.Expect(nav.GetByRole(AriaRole.Link, new() { Name = "Sign in" })).ToBeVisibleAsync();
    }
}
