namespace TrustCheckIn.BrowserTests.CheckIns;

// Journey 2, run with JavaScript on and off: both check in, nothing is revealed until the second has,
// then the week side by side with its difference marks, and a reply.
public abstract class CheckInJourney(BrowserApp app, bool javaScript)
{
    public record Answers(int Trust, int FeelingHeard, int Connection, int FollowThrough, int EmotionalSafety, string WentWell, string OnMyMind, string SmallStep);

    [Fact]
    public async Task BothCheckInTheWeekStaysPrivateUntilBothHaveThenTheySeeItSideBySideAndReply()
    {
        const string firstName = "Cleo";
        const string secondName = "Dev";
        var (first, second) = await Journeys.NewCoupleAsync(app, firstName, secondName, javaScript);
        var tag = Guid.NewGuid().ToString("N")[..8];
        var firstAnswers = new Answers(4, 2, 4, 3, 5, $"Sunday walk {tag}", $"Work is heavy {tag}", $"Cook on Tuesday {tag}");
        var secondAnswers = new Answers(4, 4, 3, 3, 5, $"Laughing at dinner {tag}", $"Missing your parents {tag}", $"Call them Thursday {tag}");

        await first.GotoAsync("/");
        await first.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = "Check-in", Exact = true }).ClickAsync();
        await Assertions.Expect(first.Locator("#this-week-state")).ToContainTextAsync("Neither of you has checked in yet");
        await app.CheckPageAsync(first, "Check-in, not started");
        await FillAsync(first, firstAnswers);
        await first.GetByRole(AriaRole.Button, new() { Name = "Check in" }).ClickAsync();
        await Assertions.Expect(first.GetByRole(AriaRole.Status)).ToContainTextAsync($"{secondName} will see your answers once they've checked in too");
        await app.CheckPageAsync(first, "Check-in, waiting for partner");

        // Before the second submits: each sees only that the other has (or hasn't) checked in, never their words.
        await second.GotoAsync("/CheckIns");
        await Assertions.Expect(second.Locator("#this-week-state")).ToContainTextAsync("Your partner has checked in");
        await FillAsync(second, secondAnswers);
        await app.CheckPageAsync(second, "Check-in, partner checked in");
        await AssertAbsentAsync(second, firstAnswers);
        await second.GetByRole(AriaRole.Link, new() { Name = "Earlier weeks, and how things are moving" }).ClickAsync();
        await Assertions.Expect(second.Locator("#history-weeks > li").First).ToContainTextAsync("checked in");
        await app.CheckPageAsync(second, "Check-in history, partner checked in");
        await AssertAbsentAsync(second, firstAnswers);
        await first.ReloadAsync();
        await Assertions.Expect(first.Locator("#this-week-state")).ToContainTextAsync($"until {secondName} checks in too");
        await AssertAbsentAsync(first, secondAnswers);

        await second.GotoAsync("/CheckIns");
        await FillAsync(second, secondAnswers);
        await second.GetByRole(AriaRole.Button, new() { Name = "Check in" }).ClickAsync();

        await Assertions.Expect(second.GetByRole(AriaRole.Status)).ToContainTextAsync("You've both checked in");
        await AssertSideBySideAsync(second, firstAnswers, firstName);
        await app.CheckPageAsync(second, "Check-in week, side by side");

        await second.GetByLabel($"Reply to {firstName}").FillAsync($"Thank you, let's talk on Sunday {tag}");
        await second.GetByRole(AriaRole.Button, new() { Name = "Send reply" }).ClickAsync();
        await Assertions.Expect(second.GetByRole(AriaRole.Status)).ToContainTextAsync("Your reply is saved");
        await app.CheckPageAsync(second, "Check-in week, reply sent");

        await first.GotoAsync("/CheckIns");
        await first.GetByRole(AriaRole.Link, new() { Name = "See your week side by side" }).ClickAsync();
        await AssertSideBySideAsync(first, secondAnswers, secondName);
        await Assertions.Expect(first.Locator("#my-answers .reply")).ToContainTextAsync($"{secondName} replied: Thank you, let's talk on Sunday {tag}");
        await app.CheckPageAsync(first, "Check-in week, reply received");
        await first.GetByRole(AriaRole.Link, new() { Name = "All weeks" }).ClickAsync();
        await Assertions.Expect(first.Locator("#history-weeks .difference-mark").First).ToContainTextAsync("You saw feeling heard differently");
        await Assertions.Expect(first.Locator("#history-weeks > li").First).ToContainTextAsync("(this week)");
        await app.CheckPageAsync(first, "Check-in history, both checked in");
    }

    public static async Task FillAsync(IPage page, Answers answers)
    {
        var form = page.Locator("#checkin-form");
        await Rate(form, "Trust", answers.Trust);
        await Rate(form, "Feeling heard", answers.FeelingHeard);
        await Rate(form, "Connection", answers.Connection);
        await Rate(form, "Follow-through", answers.FollowThrough);
        await Rate(form, "Emotional safety", answers.EmotionalSafety);
        await form.GetByLabel("What went well this week").FillAsync(answers.WentWell);
        await form.GetByLabel("What is on my mind").FillAsync(answers.OnMyMind);
        await form.GetByLabel("One small thing I will do this week").FillAsync(answers.SmallStep);

        static Task Rate(ILocator form, string question, int score) =>
            form.GetByRole(AriaRole.Group, new() { Name = question, Exact = true }).GetByLabel($"{score}", new() { Exact = true }).CheckAsync();
    }

    // The whole document as the browser holds it, hidden parts included.
    public static async Task AssertAbsentAsync(IPage page, Answers answers)
    {
        var html = await page.ContentAsync();
        Assert.DoesNotContain(answers.WentWell, html, StringComparison.Ordinal);
        Assert.DoesNotContain(answers.OnMyMind, html, StringComparison.Ordinal);
        Assert.DoesNotContain(answers.SmallStep, html, StringComparison.Ordinal);
    }

    // Feeling heard differs by two (a mark); connection by one (no mark).
    public static async Task AssertSideBySideAsync(IPage page, Answers partner, string partnerName)
    {
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = $"{partnerName} wrote" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#partner-answers")).ToContainTextAsync(partner.WentWell);
        await Assertions.Expect(page.Locator("#partner-answers")).ToContainTextAsync(partner.SmallStep);
        var ratings = page.Locator("#week-ratings");
        await Assertions.Expect(ratings.GetByRole(AriaRole.Row, new() { Name = "Feeling heard" })).ToContainTextAsync("You see this differently");
        await Assertions.Expect(ratings.GetByRole(AriaRole.Row, new() { Name = "Connection" })).Not.ToContainTextAsync("You see this differently");
        await Assertions.Expect(page.Locator("#differences-note")).ToContainTextAsync("You saw 1 thing quite differently");
    }
}
