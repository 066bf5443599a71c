namespace TrustCheckIn.BrowserTests.Journal;

// The main pages no other journey opens (and a missing one): each is checked at phone width (menu, targets, no sideways
// scroll), screenshot at 360 and 1280 in light and dark, scanned by axe in both, and saved for the HTML checker.
public sealed class MainPagesTourTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task APartnerOpensEveryMainPageAndWritesAJournalEntry(bool javaScript)
    {
        var (lena, _) = await Journeys.NewCoupleAsync(app, "Lena", "Max", javaScript);
        var tag = Guid.NewGuid().ToString("N")[..8];

        foreach (var (path, name) in new[]
        {
            ("/", "Home, first week"),
            ("/Journal", "Journal, empty"),
            ("/Journal/New", "Journal, new entry"),
            ("/Journal/Reflections", "Journal, reflections"),
            ("/Journal/Checklist", "Journal, self-trust checklist"),
            ("/Reminders", "Reminders"),
            ("/Couple", "Couple, paired"),
            ("/Account/Manage", "My account"),
            ("/CheckIns/History", "Check-in history, first week"),
            ("/Expectations/History", "Expectations, history empty"),
            ("/Expectations/Add", "Expectations, add a row"),
            ("/CheckIns/Earlier", "Check-ins, earlier weeks"),
            ("/Notifications", "For you, all"),
            ("/Account/Manage/Email", "My account, e-mail"),
            ("/Account/Manage/ChangePassword", "My account, password"),
            ("/Account/Manage/TwoFactor", "My account, two-step sign-in"),
            ("/Account/Manage/PersonalData", "My data"),
            ("/Account/Manage/DeleteAccount", "My account, delete"),
            ("/no-such-page", "Not found"),
        })
        {
            await lena.GotoAsync(path);
            await app.CheckPageAsync(lena, name);
        }

        await lena.GotoAsync("/Journal/New");
        await lena.GetByLabel("Your entry").FillAsync($"A quiet Sunday {tag}");
        await lena.GetByRole(AriaRole.Button, new() { Name = "Save my entry" }).ClickAsync();
        await Assertions.Expect(lena.Locator("main")).ToContainTextAsync($"A quiet Sunday {tag}");
        await app.CheckPageAsync(lena, "Journal, entry");
        var entryUrl = lena.Url;
        await lena.GetByRole(AriaRole.Link, new() { Name = "Edit" }).ClickAsync();
        await Assertions.Expect(lena.GetByLabel("Your entry")).ToHaveValueAsync($"A quiet Sunday {tag}");
        await app.CheckPageAsync(lena, "Journal, edit entry");
        // Opened again rather than by Back (once timed out on a loaded machine): the next click starts from a fully loaded page.
        await lena.GotoAsync(entryUrl);
        await lena.GetByRole(AriaRole.Link, new() { Name = "Delete" }).ClickAsync();
        await app.CheckPageAsync(lena, "Journal, delete entry");

        await lena.GotoAsync("/Journal/Reflections");
        foreach (var pattern in await lena.Locator("#reflection-form fieldset.frequency").AllAsync())
        {
            await pattern.Locator("input[type=radio]").Nth(1).CheckAsync();
        }

        await lena.GetByLabel("Anything you'd like to remember about this month (optional)").FillAsync($"Calmer than last month {tag}");
        await lena.GetByRole(AriaRole.Button, new() { Name = "Save this month's reflection" }).ClickAsync();
        await lena.Locator("#trend thead a").First.ClickAsync();
        await Assertions.Expect(lena.Locator("#reflection")).ToContainTextAsync($"Calmer than last month {tag}");
        await app.CheckPageAsync(lena, "Journal, a reflection");

        var signedOut = await app.NewPageAsync(javaScript);
        foreach (var (path, name) in new[] { ("/Account/ForgotPassword", "Forgotten password"), ("/Account/ResendConfirmation", "Resend confirmation"), ("/Error", "Something went wrong") })
        {
            await signedOut.GotoAsync(path);
            await app.CheckPageAsync(signedOut, name);
        }
    }
}
