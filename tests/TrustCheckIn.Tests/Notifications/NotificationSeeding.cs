using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TrustCheckIn.Accounts;
using TrustCheckIn.Notifications;
using TrustCheckIn.Tests.Infrastructure;

namespace TrustCheckIn.Tests.Notifications;

public sealed record StoredNotification(int Id, string RecipientId, NotificationKind Kind, int? CoupleId, string? ActorId, string Url, DateTime? ReadAt);

public static class NotificationSeeding
{
    public static Task<List<StoredNotification>> NotificationsAfterAsync(this TestApp app, int afterId) =>
        app.WithDbAsync(db => db.Notifications.AsNoTracking().Where(n => n.Id > afterId).OrderBy(n => n.Id)
            .Select(n => new StoredNotification(n.Id, n.RecipientId, n.Kind, n.CoupleId, n.ActorId, n.Url, n.ReadAt)).ToListAsync());

    public static Task<int> LastNotificationIdAsync(this TestApp app) =>
        app.WithDbAsync(db => db.Notifications.MaxAsync(n => (int?)n.Id)).ContinueWith(t => t.Result ?? 0, TaskScheduler.Default);

    // Runs the action and answers the items it wrote: the test then says exactly who was told what.
    public static async Task<List<StoredNotification>> ToldByAsync(this TestApp app, Func<Task> action)
    {
        var before = await app.LastNotificationIdAsync();
        await action();
        return await app.NotificationsAfterAsync(before);
    }

    // The site's administrator (Admin:Email), made once per app.
    public static async Task<TestUser> AdministratorAsync(this TestApp app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var existing = await scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<AppUser>>().FindByEmailAsync(app.AdminEmail);
        return existing is null
            ? await app.CreateUserAsync("Site Admin", email: app.AdminEmail)
            : new TestUser(existing.Id, app.AdminEmail, TestApp.Password, existing.DisplayName);
    }

    public static void AssertToldOnly(this IReadOnlyList<StoredNotification> told, TestUser recipient, NotificationKind kind, TestUser? actor = null)
    {
        var item = Assert.Single(told);
        Assert.Equal(recipient.Id, item.RecipientId);
        Assert.Equal(kind, item.Kind);
        if (actor is not null)
        {
            Assert.Equal(actor.Id, item.ActorId);
        }

        Assert.StartsWith("/", item.Url, StringComparison.Ordinal);
    }
}
