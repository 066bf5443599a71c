using Microsoft.EntityFrameworkCore;
using TrustCheckIn.Data;

namespace TrustCheckIn.Accounts;

// The per-request session check: one primary-key lookup of the security stamp, the role names and the
// person's look and date format, so a request costs one small statement instead of a rebuilt principal. The
// menu's unread count rides along as a subquery the (recipient, read, created) index answers, so it costs no
// statement of its own.
public sealed class SessionStamps(AppDbContext db)
{
    public sealed record Current(string? SecurityStamp, IReadOnlyList<string> Roles, PersonalSettings Settings, int UnreadNotifications);

    private sealed record Row(string? SecurityStamp, ThemeChoice Theme, string? Locale, string? Role, int Unread);

    // Users, then their roles by the (UserId, RoleId) key: index searches only.
    private static readonly CompiledPerModel<Func<AppDbContext, string, IAsyncEnumerable<Row>>> Read = new(() =>
        EF.CompileAsyncQuery((AppDbContext db, string userId) =>
            from user in db.Users
            where user.Id == userId
            from userRole in db.UserRoles.Where(ur => ur.UserId == user.Id).DefaultIfEmpty()
            from role in db.Roles.Where(r => r.Id == userRole!.RoleId).DefaultIfEmpty()
            select new Row(user.SecurityStamp, user.Theme, user.Locale, role!.Name, db.Notifications.Count(n => n.RecipientId == user.Id && n.ReadAt == null))));

    public async Task<Current?> ReadAsync(string userId, CancellationToken ct = default)
    {
        // Opened here and left open for the request: the page's queries then share it instead of opening it
        // once each (EF registers its SQLite functions on every open); the context pool closes it afterwards.
        await db.Database.OpenConnectionAsync(ct);
        var rows = new List<Row>();
        await foreach (var row in Read.For(db)(db, userId).WithCancellation(ct))
        {
            rows.Add(row);
        }

        return rows.Count == 0 ? null : new Current(rows[0].SecurityStamp, [.. rows.Where(r => r.Role is not null).Select(r => r.Role!)], new(rows[0].Theme, rows[0].Locale), rows[0].Unread);
    }
}
