using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using TrustCheckIn.Common;
using TrustCheckIn.Data;

namespace TrustCheckIn.Notifications;

public sealed class NotificationService(AppDbContext db, TimeProvider time, ILogger<NotificationService> logger)
{
    public const int PageSize = 20;

    public const int ForYouSize = 5;

    // Read items are kept this long, then removed; unread ones stay until they are opened.
    public static readonly TimeSpan Retention = TimeSpan.FromDays(30);

    public sealed record Item(int Id, NotificationKind Kind, DateTime CreatedAt, bool IsRead)
    {
        public string Title => NotificationKinds.Title(Kind);
    }

    public sealed record ListPage(IReadOnlyList<Item> Items, int Page, bool HasMore);

    private DateTime Now => time.GetUtcNow().UtcDateTime;

    // The home page's "For you": unread only, newest first (the recipient, read-state, created index answers it in order).
    // Compiled once: every home page shows it.
    private static readonly CompiledPerModel<Func<AppDbContext, string, IAsyncEnumerable<Item>>> Unread = new(() =>
        EF.CompileAsyncQuery((AppDbContext db, string userId) =>
            db.Notifications.AsNoTracking()
                .Where(n => n.RecipientId == userId && n.ReadAt == null)
                .OrderByDescending(n => n.CreatedAt).ThenByDescending(n => n.Id)
                .Take(ForYouSize)
                .Select(n => new Item(n.Id, n.Kind, n.CreatedAt, false))));

    public Task<List<Item>> ForYouAsync(string userId, CancellationToken ct = default) => Unread.For(db)(db, userId).ToListAsync(ct).AsTask();

    public async Task<ListPage> ListAsync(string userId, int page, CancellationToken ct = default)
    {
        page = Math.Max(1, page);
        var rows = await db.Notifications.AsNoTracking()
            .Where(n => n.RecipientId == userId)
            .OrderByDescending(n => n.CreatedAt).ThenByDescending(n => n.Id)
            .Skip((page - 1) * PageSize)
            .Take(PageSize + 1)
            .Select(n => new Item(n.Id, n.Kind, n.CreatedAt, n.ReadAt != null))
            .ToListAsync(ct);
        return new ListPage(rows.Take(PageSize).ToList(), page, rows.Count > PageSize);
    }

    // Marks the item read and answers where it points; someone else's id is simply not found.
    public async Task<Result<string>> OpenAsync(string userId, int id)
    {
        var notification = await db.Notifications.SingleOrDefaultAsync(n => n.Id == id && n.RecipientId == userId);
        if (notification is null)
        {
            return ServiceError.NotFound("notification");
        }

        notification.MarkRead(Now);
        await db.SaveChangesAsync();
        return notification.Url;
    }

    public async Task<Result> MarkAllReadAsync(string userId)
    {
        var now = Now;
        var count = await db.Notifications.Where(n => n.RecipientId == userId && n.ReadAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAt, now));
        logger.LogInformation("User {UserId} marked {Count} notifications read", userId, count);
        return Result.Ok;
    }

    // Run by the notification worker: read items older than the retention period go.
    public async Task<int> RemoveOldReadAsync(CancellationToken ct = default)
    {
        var before = Now - Retention;
        var removed = await db.Notifications.Where(n => n.ReadAt != null && n.ReadAt < before).ExecuteDeleteAsync(ct);
        if (removed > 0)
        {
            logger.LogInformation("Removed {Count} read notifications older than {Days} days", removed, Retention.TotalDays);
        }

        return removed;
    }
}
