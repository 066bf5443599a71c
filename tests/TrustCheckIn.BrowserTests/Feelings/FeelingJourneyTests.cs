namespace TrustCheckIn.BrowserTests.Feelings;

public sealed class FeelingJourneyTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task ABlamingStatementGetsAGentleHintIsRephrasedSharedAndHeard(bool javaScript)
    {
        var (gus, hana) = await Journeys.NewCoupleAsync(app, "Gus", "Hana", javaScript);
        var tag = Guid.NewGuid().ToString("N")[..8];

        await gus.GotoAsync("/");
        await gus.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = "I feel", Exact = true }).ClickAsync();
        await app.CheckPageAsync(gus, "Feelings, nothing yet");
        await gus.GetByRole(AriaRole.Link, new() { Name = "Write a new statement" }).ClickAsync();
        await app.CheckPageAsync(gus, "Feelings, compose");
        await gus.GetByLabel("Choose a feeling").SelectOptionAsync(new SelectOptionValue { Label = "lonely" });
        await gus.GetByLabel("when …").FillAsync($"you never listen when I talk about my day {tag}");
        await gus.GetByRole(AriaRole.Button, new() { Name = "Preview" }).ClickAsync();
        await Assertions.Expect(gus.Locator("#situation-gentle .gentle-hints")).ToContainTextAsync("you never");
        await Assertions.Expect(gus.Locator("#preview-sentence")).ToContainTextAsync("I feel lonely when you never listen");
        await app.CheckPageAsync(gus, "Feelings, compose with a gentle hint");

        var rephrased = $"I tell you about my day and the phones stay out {tag}";
        await gus.GetByLabel("when …").FillAsync(rephrased);
        await gus.GetByLabel("I'd like … (optional)").FillAsync("to put the phones away at dinner");
        await gus.GetByRole(AriaRole.Button, new() { Name = "Preview" }).ClickAsync();
        await Assertions.Expect(gus.Locator("#preview-sentence")).ToContainTextAsync(rephrased);
        await Assertions.Expect(gus.Locator(".gentle-hints")).ToHaveCountAsync(0);
        await app.CheckPageAsync(gus, "Feelings, compose rephrased");
        await gus.GetByRole(AriaRole.Button, new() { Name = "Keep as a private draft" }).ClickAsync();
        await Assertions.Expect(gus.GetByRole(AriaRole.Status)).ToContainTextAsync("Saved as a private draft");
        await app.CheckPageAsync(gus, "Feelings, draft");
        await gus.GetByRole(AriaRole.Button, new() { Name = "Share with my partner" }).ClickAsync();
        await Assertions.Expect(gus.GetByRole(AriaRole.Status)).ToContainTextAsync("Shared. Your partner can read it now.");
        await app.CheckPageAsync(gus, "Feelings, shared");
        var statementUrl = gus.Url;

        await hana.GotoAsync("/Feelings");
        await hana.GetByRole(AriaRole.Link, new() { Name = "Shared with me (1)" }).ClickAsync();
        await app.CheckPageAsync(hana, "Feelings, shared with me");
        await hana.GetByRole(AriaRole.Link, new() { Name = rephrased }).ClickAsync();
        await Assertions.Expect(hana.GetByRole(AriaRole.Heading, new() { Name = "From Gus" })).ToBeVisibleAsync();
        await app.CheckPageAsync(hana, "Feelings, from partner");
        await hana.GetByLabel("A reply, if you'd like (optional)").FillAsync($"I hear you. Phones in the drawer from tonight {tag}");
        await hana.GetByRole(AriaRole.Button, new() { Name = "I hear you" }).ClickAsync();
        await Assertions.Expect(hana.GetByRole(AriaRole.Status)).ToContainTextAsync("Your partner will see that you hear them");
        await app.CheckPageAsync(hana, "Feelings, heard");

        await gus.GotoAsync(statementUrl);

        await Assertions.Expect(gus.Locator("#acknowledgement")).ToContainTextAsync("Hana hears you");
        await Assertions.Expect(gus.Locator("#acknowledgement")).ToContainTextAsync($"Phones in the drawer from tonight {tag}");
        await app.CheckPageAsync(gus, "Feelings, acknowledged");
    }

    [Fact]
    public async Task WithJavaScriptTheSentenceFollowsTheWordsAsTheyAreTypedAndOneClickShares()
    {
        var (ivo, jun) = await Journeys.NewCoupleAsync(app, "Ivo", "Jun");
        var tag = Guid.NewGuid().ToString("N")[..8];

        await ivo.GotoAsync("/Feelings/Compose");
        await ivo.GetByLabel("Choose a feeling").SelectOptionAsync(new SelectOptionValue { Label = "hopeful" });
        await ivo.GetByLabel("when …").FillAsync($"we plan the weekend {tag}");
        await ivo.GetByLabel("I'd like … (optional)").FillAsync("you should keep Saturday free");

        await Assertions.Expect(ivo.Locator("#preview-sentence")).ToHaveTextAsync($"I feel hopeful when we plan the weekend {tag}. I'd like you to keep Saturday free.");
        await Assertions.Expect(ivo.Locator("#need-gentle .gentle-hints")).ToContainTextAsync("you should");
        await app.CheckPageAsync(ivo, "Feelings, compose live preview");
        await ivo.GetByRole(AriaRole.Button, new() { Name = "Share with Jun" }).ClickAsync();
        await Assertions.Expect(ivo.GetByRole(AriaRole.Status)).ToContainTextAsync("Shared. Jun can read it now.");

        await jun.GotoAsync("/Feelings?list=SharedWithMe");
        await Assertions.Expect(jun.Locator("main")).ToContainTextAsync(tag);
    }
}
