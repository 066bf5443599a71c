namespace TrustCheckIn.BrowserTests.CheckIns;

public sealed class KeyboardJourneyTests(BrowserApp app) : KeyboardJourney(app, javaScript: true), IClassFixture<BrowserApp>;

public sealed class KeyboardJourneyWithoutJavaScriptTests(BrowserApp app) : KeyboardJourney(app, javaScript: false), IClassFixture<BrowserApp>;

public abstract class KeyboardJourney(BrowserApp app, bool javaScript)
{
    [Fact]
    public async Task APartnerChecksInAndRepliesWithTheKeyboardAloneAndAlwaysSeesWhereFocusIs()
    {
        var (iris, jude) = await Journeys.NewCoupleAsync(app, "Iris", "Jude", javaScript);
        var tag = Guid.NewGuid().ToString("N")[..8];
        await iris.GotoAsync("/CheckIns");
        await CheckInJourney.FillAsync(iris, new(4, 2, 4, 3, 5, $"Sunday walk {tag}", $"Work is heavy {tag}", $"Cook on Tuesday {tag}"));
        await iris.GetByRole(AriaRole.Button, new() { Name = "Check in" }).ClickAsync();
        await Assertions.Expect(iris.GetByRole(AriaRole.Status)).ToContainTextAsync("Thank you for checking in");
        await jude.GotoAsync("/");

        await TabToAsync(jude, jude.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = "Check-in", Exact = true }));
        await jude.Keyboard.PressAsync("Enter");
        await Assertions.Expect(jude.Locator("#this-week-state")).ToContainTextAsync("Your partner has checked in");
        await app.CheckPageAsync(jude, "Check-in, keyboard");
        await RateAsync(jude, "Trust", 3);
        await RateAsync(jude, "Feeling heard", 4);
        await RateAsync(jude, "Connection", 5);
        await RateAsync(jude, "Follow-through", 1);
        await RateAsync(jude, "Emotional safety", 4);
        await TabToAsync(jude, jude.GetByLabel("What went well this week"));
        await jude.Keyboard.TypeAsync($"Our Saturday {tag}");
        await TabToAsync(jude, jude.GetByLabel("One small thing I will do this week"));
        await jude.Keyboard.TypeAsync($"Plan the trip {tag}");
        await TabToAsync(jude, jude.GetByLabel("What is on my mind"), "Shift+Tab");
        await jude.Keyboard.TypeAsync($"The move {tag}");
        await TabToAsync(jude, jude.GetByRole(AriaRole.Button, new() { Name = "Check in" }));
        await jude.Keyboard.PressAsync("Enter");

        await Assertions.Expect(jude.GetByRole(AriaRole.Status)).ToContainTextAsync("You've both checked in");
        var ratings = jude.Locator("#week-ratings");
        await Assertions.Expect(ratings.GetByRole(AriaRole.Row, new() { Name = "Follow-through" })).ToContainTextAsync("1 3 You see this differently");
        await Assertions.Expect(ratings.GetByRole(AriaRole.Row, new() { Name = "Feeling heard" })).ToContainTextAsync("4 2 You see this differently");
        await Assertions.Expect(ratings.GetByRole(AriaRole.Row, new() { Name = "Trust" })).ToContainTextAsync("3 4");
        await Assertions.Expect(jude.Locator("#my-answers")).ToContainTextAsync($"Our Saturday {tag}");
        await Assertions.Expect(jude.Locator("#my-answers")).ToContainTextAsync($"The move {tag}");
        await Assertions.Expect(jude.Locator("#my-answers")).ToContainTextAsync($"Plan the trip {tag}");
        await app.CheckPageAsync(jude, "Check-in week, keyboard");

        await TabToAsync(jude, jude.GetByLabel("Reply to Iris"));
        await jude.Keyboard.TypeAsync($"Thank you {tag}");
        await TabToAsync(jude, jude.GetByRole(AriaRole.Button, new() { Name = "Send reply" }));
        await jude.Keyboard.PressAsync("Space");

        await Assertions.Expect(jude.GetByRole(AriaRole.Status)).ToContainTextAsync("Your reply is saved");
        await iris.ReloadAsync();
        await iris.GetByRole(AriaRole.Link, new() { Name = "See your week side by side" }).ClickAsync();
        await Assertions.Expect(iris.Locator("#my-answers .reply")).ToContainTextAsync($"Jude replied: Thank you {tag}");
    }

    // Into the group with Tab (which lands on its first choice), then arrow keys choose; Space picks the first.
    private static async Task RateAsync(IPage page, string question, int score)
    {
        var group = page.Locator("#checkin-form").GetByRole(AriaRole.Group, new() { Name = question, Exact = true });
        await TabToAsync(page, group.GetByLabel("1", new() { Exact = true }));
        if (score == 1)
        {
            await page.Keyboard.PressAsync("Space");
        }

        for (var step = 1; step < score; step++)
        {
            await page.Keyboard.PressAsync("ArrowRight");
            await AssertFocusVisibleAsync(page);
        }

        await Assertions.Expect(group.GetByLabel($"{score}", new() { Exact = true })).ToBeCheckedAsync();
        await Assertions.Expect(group.GetByLabel($"{score}", new() { Exact = true })).ToBeFocusedAsync();
    }

    // Every stop on the way must show where focus is, not only the target.
    private static async Task TabToAsync(IPage page, ILocator target, string key = "Tab")
    {
        for (var presses = 0; presses < 40; presses++)
        {
            await page.Keyboard.PressAsync(key);
            await AssertFocusVisibleAsync(page);
            if (await target.EvaluateAsync<bool>("element => element === document.activeElement"))
            {
                return;
            }
        }

        Assert.Fail($"{key} never reached {target}.");
    }

    private static async Task AssertFocusVisibleAsync(IPage page)
    {
        var focus = await page.EvaluateAsync<string>(
            "() => { const e = document.activeElement; const s = getComputedStyle(e); return `${e.outerHTML.slice(0, 80)}|${e.matches(':focus-visible')}|${s.outlineStyle}|${s.outlineWidth}`; }");
        var parts = focus.Split('|');
        Assert.True(parts[^3] == "true" && parts[^2] != "none" && parts[^1] != "0px", $"No visible focus on {focus}");
    }
}
