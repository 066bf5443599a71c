using TrustCheckIn.BrowserTests.CheckIns;

namespace TrustCheckIn.BrowserTests.Notifications;

// Journey: an invitation mailed to someone new carries them through sign-up to being a couple; a check-in shows on
// the partner's home; the notification settings with JavaScript on and off; leaving, and the left partner's home.
public sealed class CoupleLoopJourneyTests(BrowserApp app) : CoupleLoopJourney(app, javaScript: true), IClassFixture<BrowserApp>;

public sealed class CoupleLoopJourneyWithoutJavaScriptTests(BrowserApp app) : CoupleLoopJourney(app, javaScript: false), IClassFixture<BrowserApp>;

public abstract class CoupleLoopJourney(BrowserApp app, bool javaScript)
{
    private const string PushSupported = "() => 'serviceWorker' in navigator && 'PushManager' in window && 'Notification' in window";

    [Fact]
    public async Task AnInvitedPartnerJoinsFromTheMailSeesTheCheckInAndIsMetWithCareWhenLeftAlone()
    {
        var gus = await app.NewPageAsync(javaScript);
        var hal = await app.NewPageAsync(javaScript);
        var halEmail = Journeys.NewEmail("Hal");
        await Journeys.RegisterAndConfirmAsync(app, gus, "Gus", Journeys.NewEmail("Gus"));
        await gus.GotoAsync("/Couple");
        await gus.GetByLabel("Our check-in day").SelectOptionAsync(new SelectOptionValue { Label = "Sunday" });
        await gus.GetByRole(AriaRole.Button, new() { Name = "Create an invitation" }).ClickAsync();
        await gus.GetByLabel("Send it to your partner's e-mail").FillAsync(halEmail);
        await gus.GetByRole(AriaRole.Button, new() { Name = "Send the invitation" }).ClickAsync();
        await Assertions.Expect(gus.GetByText("Sent. The e-mail has your name and the link")).ToBeVisibleAsync();
        await app.CheckPageAsync(gus, "Couple, invitation mailed");

        await hal.GotoAsync(app.LinkIn(halEmail, "/Invitation/"));
        await Assertions.Expect(hal.GetByRole(AriaRole.Heading, new() { Name = "Gus invited you" })).ToBeVisibleAsync();
        await app.CheckPageAsync(hal, "Invitation, signed out");
        await hal.GetByRole(AriaRole.Link, new() { Name = "Create my account" }).ClickAsync();
        await Assertions.Expect(hal.Locator("#invitation-note")).ToContainTextAsync("Gus invited you");
        await app.CheckPageAsync(hal, "Register, invited");
        await hal.GetByLabel("Your name, as your partner knows you").FillAsync("Hal");
        await hal.GetByLabel("E-mail").FillAsync(halEmail);
        await hal.GetByLabel("Password", new() { Exact = true }).FillAsync(BrowserApp.Password);
        await hal.GetByLabel("Password again").FillAsync(BrowserApp.Password);
        await hal.GetByRole(AriaRole.Button, new() { Name = "Create my account" }).ClickAsync();
        await Assertions.Expect(hal.GetByRole(AriaRole.Heading, new() { Name = "Check your e-mail" })).ToBeVisibleAsync();
        await hal.GotoAsync(app.ConfirmationLink(halEmail));
        await hal.GetByRole(AriaRole.Button, new() { Name = "Confirm my e-mail" }).ClickAsync();
        await hal.GetByRole(AriaRole.Link, new() { Name = "Sign in to join Gus" }).ClickAsync();
        await hal.GetByLabel("E-mail").FillAsync(halEmail);
        await hal.GetByLabel("Password").FillAsync(BrowserApp.Password);
        await hal.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(hal.Locator("#join-invited-by")).ToContainTextAsync("Gus invited you");
        await app.CheckPageAsync(hal, "Join, after sign-up");
        await hal.GetByRole(AriaRole.Button, new() { Name = "Join" }).ClickAsync();
        await Assertions.Expect(hal.GetByText("You and Gus are now a couple")).ToBeVisibleAsync();

        await gus.GotoAsync("/CheckIns");
        await CheckInJourney.FillAsync(gus, new(4, 4, 4, 4, 4, "", "", ""));
        await gus.GetByRole(AriaRole.Button, new() { Name = "Check in" }).ClickAsync();
        await hal.GotoAsync("/");
        await Assertions.Expect(hal.Locator("#for-you")).ToContainTextAsync("Your partner checked in");
        await Assertions.Expect(hal.Locator("#nav-notifications .tab-badge")).ToHaveTextAsync("1");
        await app.CheckPageAsync(hal, "Home, for you");
        await hal.Locator("#for-you").GetByRole(AriaRole.Button).First.ClickAsync();
        await Assertions.Expect(hal).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/CheckIns$"));
        await Assertions.Expect(hal.Locator("#nav-notifications .tab-badge")).ToHaveCountAsync(0);

        await gus.GotoAsync("/Couple/Leave");
        await app.CheckPageAsync(gus, "Leave the couple");
        await gus.GetByRole(AriaRole.Button, new() { Name = "Leave the couple now" }).ClickAsync();
        await hal.GotoAsync("/");
        await Assertions.Expect(hal.Locator("#couple-ended")).ToContainTextAsync("Gus has left the couple");
        await Assertions.Expect(hal.GetByRole(AriaRole.Link, new() { Name = "Download everything I wrote" })).ToBeVisibleAsync();
        await app.CheckPageAsync(hal, "Home, partner left");
    }

    [Fact]
    public async Task TheNotificationSettingsPageSavesAndOffersPushOnlyWhereTheBrowserCanReceiveIt()
    {
        var page = await app.NewPageAsync(javaScript);
        await Journeys.RegisterAndConfirmAsync(app, page, "Ivy", Journeys.NewEmail("Ivy"));

        await page.GotoAsync("/Notifications/Settings");
        await app.CheckPageAsync(page, "Notification settings");
        await page.GetByLabel("A statement was shared with you").First.UncheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();

        await Assertions.Expect(page.GetByText("Saved. Everything still shows here in the app")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#email-StatementShared")).Not.ToBeCheckedAsync();
        await Assertions.Expect(page.Locator("#email-PartnerCheckedIn")).ToBeCheckedAsync();
        var canPush = javaScript && await page.EvaluateAsync<bool>(PushSupported);
        await Assertions.Expect(page.Locator("#push-devices")).ToBeVisibleAsync(new() { Visible = canPush });
        Assert.Equal(canPush, await page.Locator("#push-kinds").IsVisibleAsync());
    }
}
