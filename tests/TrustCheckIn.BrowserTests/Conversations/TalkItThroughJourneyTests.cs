using TrustCheckIn.BrowserTests.CheckIns;

namespace TrustCheckIn.BrowserTests.Conversations;

// Both check in, then hold one phone together and talk the week through, ending in a row of their table.
public sealed class TalkItThroughJourneyTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task ACoupleTalksTheirWeekThroughOnOnePhoneAndAddsTheStepToTheirTable(bool javaScript)
    {
        var (gia, hal) = await Journeys.NewCoupleAsync(app, "Gia", "Hal", javaScript);
        var tag = Guid.NewGuid().ToString("N")[..8];
        await gia.GotoAsync("/CheckIns");
        await CheckInJourney.FillAsync(gia, new(4, 2, 4, 3, 5, "", "", ""));
        await gia.GetByRole(AriaRole.Button, new() { Name = "Check in" }).ClickAsync();
        await hal.GotoAsync("/CheckIns");
        await CheckInJourney.FillAsync(hal, new(3, 5, 4, 3, 4, "", "", ""));
        await hal.GetByRole(AriaRole.Button, new() { Name = "Check in" }).ClickAsync();

        await hal.GetByRole(AriaRole.Link, new() { Name = "Talk it through" }).ClickAsync();
        await Assertions.Expect(hal.Locator("#talk-outline li")).ToHaveTextAsync(["Feeling heard", "Trust (briefly)", "Emotional safety (briefly)"]);
        await app.CheckPageAsync(hal, "Talk it through, opening");
        await hal.GetByRole(AriaRole.Link, new() { Name = "Start" }).ClickAsync();
        await Assertions.Expect(hal.Locator("#talk-step-heading")).ToHaveTextAsync("Feeling heard");
        await Assertions.Expect(hal.Locator("#talk-answers")).ToContainTextAsync("Gia");
        await Assertions.Expect(hal.GetByRole(AriaRole.Link, new() { Name = "Start an \"I feel\" statement from this" })).ToBeVisibleAsync();
        await app.CheckPageAsync(hal, "Talk it through, a step");
        await hal.GetByRole(AriaRole.Link, new() { Name = "Next" }).ClickAsync();
        await Assertions.Expect(hal.Locator("#talk-step-heading")).ToHaveTextAsync("Trust");
        await app.CheckPageAsync(hal, "Talk it through, a brief step");
        await hal.GetByRole(AriaRole.Link, new() { Name = "Next" }).ClickAsync();
        await Assertions.Expect(hal.Locator("#talk-step-heading")).ToHaveTextAsync("Emotional safety");
        await hal.GetByRole(AriaRole.Link, new() { Name = "On to a small step" }).ClickAsync();

        await hal.GetByLabel("What is one small step you both agree on for the coming week?").FillAsync($"Ask about each other's day at dinner {tag}");
        await app.CheckPageAsync(hal, "Talk it through, one small step");
        await hal.GetByRole(AriaRole.Button, new() { Name = "Add to our expectations table" }).ClickAsync();

        await Assertions.Expect(hal.GetByRole(AriaRole.Status)).ToContainTextAsync("Added to your expectations table");
        await Assertions.Expect(hal.Locator("#expectations tbody > tr").First).ToContainTextAsync($"Ask about each other's day at dinner {tag}");
        await Assertions.Expect(hal.Locator("#expectations tbody > tr").First).ToContainTextAsync("Feeling heard");
        await gia.GotoAsync("/Expectations");
        await Assertions.Expect(gia.Locator("#expectations tbody > tr").First).ToContainTextAsync($"Ask about each other's day at dinner {tag}");
    }
}
