using Microsoft.EntityFrameworkCore;
using TrustCheckIn.Data;

namespace TrustCheckIn.Accounts;

// The per-request session check: one primary-key lookup of the security stamp and the role names, so a
// request costs one small statement instead of a rebuilt principal (user, roles, claims).
public sealed class SessionStamps(AppDbContext db)
{
    public sealed record Current(string? SecurityStamp, List<string> Roles);

    private static readonly Func<AppDbContext, string, CancellationToken, Task<Current?>> Read =
        EF.CompileAsyncQuery((AppDbContext db, string userId, CancellationToken _) => db.Users
            .Where(u => u.Id == userId)
            .Select(u => new Current(
                u.SecurityStamp,
                db.UserRoles.Where(ur => ur.UserId == u.Id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name!).ToList()))
            .SingleOrDefault());

    public Task<Current?> ReadAsync(string userId, CancellationToken ct = default) => Read(db, userId, ct);
}
