using Microsoft.EntityFrameworkCore;
using TrustCheckIn.Data;

namespace TrustCheckIn.Accounts;

// The per-request session check: one primary-key lookup of the security stamp, the role names and the
// person's look and date format, so a request costs one small statement instead of a rebuilt principal.
public sealed class SessionStamps(AppDbContext db)
{
    public sealed record Current(string? SecurityStamp, IReadOnlyList<string> Roles, PersonalSettings Settings);

    private sealed record Row(string? SecurityStamp, ThemeChoice Theme, string? Locale, string? Role);

    // Users, then their roles by the (UserId, RoleId) key: index searches only.
    private static readonly Func<AppDbContext, string, IAsyncEnumerable<Row>> Read =
        EF.CompileAsyncQuery((AppDbContext db, string userId) =>
            from user in db.Users
            where user.Id == userId
            from userRole in db.UserRoles.Where(ur => ur.UserId == user.Id).DefaultIfEmpty()
            from role in db.Roles.Where(r => r.Id == userRole!.RoleId).DefaultIfEmpty()
            select new Row(user.SecurityStamp, user.Theme, user.Locale, role!.Name));

    public async Task<Current?> ReadAsync(string userId, CancellationToken ct = default)
    {
        var rows = new List<Row>();
        await foreach (var row in Read(db, userId).WithCancellation(ct))
        {
            rows.Add(row);
        }

        return rows.Count == 0 ? null : new Current(rows[0].SecurityStamp, [.. rows.Where(r => r.Role is not null).Select(r => r.Role!)], new(rows[0].Theme, rows[0].Locale));
    }
}
