using System.Net;
using Microsoft.EntityFrameworkCore;
using TrustCheckIn.Feelings;
using TrustCheckIn.Notifications;
using TrustCheckIn.Tests.Infrastructure;
using TrustCheckIn.Tests.Security;

namespace TrustCheckIn.Tests.Notifications;

public sealed class NotificationCentreTests(TestApp app) : IClassFixture<TestApp>
{
    [Fact]
    public async Task NoCanaryOfAnyEntryKindReachesANotificationItemOrTheNotificationPages()
    {
        var world = await SecurityWorld.BuildAsync(app);
        var stored = await app.NotificationsAfterAsync(0);
        var pages = new List<string>();
        foreach (var actor in Enum.GetValues<Actor>().Where(a => a != Actor.Anonymous))
        {
            pages.Add((await world.Browser(actor).GetPageAsync("/Notifications")).Html);
            // Home shows people's own words by design (a practice to try); its "For you" list must not.
            pages.Add((await world.Browser(actor).GetPageAsync("/")).Document.QuerySelector("#for-you")?.OuterHtml ?? "");
        }

        Assert.True(stored.Count >= 10, $"The world's events wrote only {stored.Count} notifications.");
        var everything = string.Join("\n", stored.Select(n => string.Join("|", n.Id, n.RecipientId, n.Kind, n.CoupleId, n.ActorId, n.Url, n.ReadAt)).Concat(pages));
        Assert.All(world.Canaries, canary => Assert.DoesNotContain(canary.Text, everything, StringComparison.Ordinal));
        Assert.All(stored, n => Assert.Matches("^/[A-Za-z/0-9]*$", n.Url));
    }

    [Fact]
    public async Task OpeningAnItemMarksItReadAndGoesWhereItPointsWhileSomeoneElsesIdIsNotFound()
    {
        var (a, b) = await app.CreateCoupleAsync();
        var draft = await app.WithServiceAsync<int, FeelingService>(async f => (await f.SaveDraftAsync(a.Id, new FeelingWords("hurt", "plans change", "a message"))).Value);
        var told = await app.ToldByAsync(() => app.WithServiceAsync<TrustCheckIn.Common.Result, FeelingService>(f => f.ShareAsync(a.Id, draft)));
        var bBrowser = await app.SignInAsync(b, followRedirects: false);
        var aBrowser = await app.SignInAsync(a, followRedirects: false);

        var aToken = await SecurityWorld.TokenAsync(aBrowser, signedIn: true);
        var byA = await aBrowser.PostAsync("/Notifications?handler=ReadAll", new FormUrlEncodedContent([new("__RequestVerificationToken", aToken)]));
        var aTries = await aBrowser.PostAsync($"/Notifications?handler=Open&id={told[0].Id}", new FormUrlEncodedContent([new("__RequestVerificationToken", aToken)]));
        var before = await bBrowser.GetPageAsync("/Notifications");
        var opened = await bBrowser.SubmitAsync(before, $"#notification-list form");
        var after = await bBrowser.GetPageAsync("/Notifications");

        Assert.Equal(HttpStatusCode.Redirect, byA.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, aTries.StatusCode);
        Assert.Contains("1 unread", before.Document.QuerySelector("#nav-notifications")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, opened.StatusCode);
        Assert.Equal($"/Feelings/Statement/{draft}", opened.Headers.Location!.OriginalString);
        Assert.Null(after.Document.QuerySelector("#nav-notifications .tab-badge"));
        Assert.NotNull((await app.NotificationsAfterAsync(told[0].Id - 1)).Single().ReadAt);
    }

    [Fact]
    public async Task TheListIsPagedNewestFirst()
    {
        var (a, b) = await app.CreateCoupleAsync();
        await app.WithServiceAsync<int, FeelingService>(async f =>
        {
            for (var i = 0; i < NotificationService.PageSize + 1; i++)
            {
                var id = (await f.SaveDraftAsync(a.Id, new FeelingWords("hurt", $"moment {i}", "a message"))).Value;
                await f.ShareAsync(a.Id, id);
            }

            return 0;
        });
        var bBrowser = await app.SignInAsync(b);

        var first = await bBrowser.GetPageAsync("/Notifications");
        var second = await bBrowser.GetPageAsync(first.Document.QuerySelector("#older-notifications")!.GetAttribute("href")!);

        Assert.Equal(NotificationService.PageSize, first.Document.QuerySelectorAll("#notification-list li").Length);
        Assert.Single(second.Document.QuerySelectorAll("#notification-list li"));
        Assert.Null(second.Document.QuerySelector("#older-notifications"));
        Assert.Equal(NotificationService.ForYouSize, (await bBrowser.GetPageAsync("/")).Document.QuerySelectorAll("#for-you li").Length);
    }

    [Fact]
    public async Task ReadItemsOlderThanTheRetentionPeriodAreRemovedAndUnreadOnesStay()
    {
        var (a, b) = await app.CreateCoupleAsync();
        var told = await app.ToldByAsync(async () =>
        {
            foreach (var moment in new[] { "first", "second" })
            {
                var id = await app.WithServiceAsync<int, FeelingService>(async f => (await f.SaveDraftAsync(a.Id, new FeelingWords("hurt", moment, "a message"))).Value);
                await app.WithServiceAsync<TrustCheckIn.Common.Result, FeelingService>(f => f.ShareAsync(a.Id, id));
            }
        });
        await app.WithServiceAsync<TrustCheckIn.Common.Result<string>, NotificationService>(n => n.OpenAsync(b.Id, told[0].Id));
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(app.Clock.GetUtcNow());

        clock.Advance(NotificationService.Retention - TimeSpan.FromHours(1));
        var early = await app.WithServiceAsync<int, NotificationService>(clock, n => n.RemoveOldReadAsync());
        clock.Advance(TimeSpan.FromHours(2));
        await app.WithServiceAsync<int, NotificationService>(clock, n => n.RemoveOldReadAsync());

        Assert.Equal(0, early);
        var left = await app.WithDbAsync(db => db.Notifications.Where(n => n.Id == told[0].Id || n.Id == told[1].Id).Select(n => n.Id).ToListAsync());
        Assert.Equal([told[1].Id], left);
    }
}
