using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using TrustCheckIn.Accounts;
using TrustCheckIn.Notifications;
using TrustCheckIn.Reminders;

namespace TrustCheckIn.BrowserTests.Notifications;

// The one-click stop links at the foot of reminder and notification mails, opened signed out. The link is made by the
// service the mailers use (their timing and batching are tested at HTTP level), so no mail run needs a faked clock here.
public sealed class UnsubscribeJourneyTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task SomeoneStopsReminderAndNotificationMailsFromTheLinkWithoutSigningIn(bool javaScript)
    {
        var email = Journeys.NewEmail("tess");
        await Journeys.RegisterAndConfirmAsync(app, await app.NewPageAsync(javaScript), "Tess", email);
        string userId;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            userId = (await scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>().FindByEmailAsync(email))!.Id;
        }

        var tokens = app.Services.GetRequiredService<UnsubscribeTokens>();
        var mailReader = await app.NewPageAsync(javaScript);

        await mailReader.GotoAsync($"/Reminders/Unsubscribe?token={Uri.EscapeDataString(tokens.Create(userId, ReminderKind.CheckIn))}");
        await app.CheckPageAsync(mailReader, "Stop reminder e-mails");
        await mailReader.GetByRole(AriaRole.Button, new() { Name = "Stop these e-mails" }).ClickAsync();
        await Assertions.Expect(mailReader.Locator("#unsubscribed")).ToBeVisibleAsync();
        await app.CheckPageAsync(mailReader, "Stop reminder e-mails, stopped");

        await mailReader.GotoAsync($"/Notifications/Unsubscribe?token={Uri.EscapeDataString(tokens.Create(userId, NotificationKind.PartnerCheckedIn))}");
        await app.CheckPageAsync(mailReader, "Stop notification e-mails");
        await mailReader.GetByRole(AriaRole.Button, new() { Name = "Stop these e-mails" }).ClickAsync();
        await Assertions.Expect(mailReader.Locator("#notification-unsubscribed")).ToBeVisibleAsync();
        await app.CheckPageAsync(mailReader, "Stop notification e-mails, stopped");
    }
}
