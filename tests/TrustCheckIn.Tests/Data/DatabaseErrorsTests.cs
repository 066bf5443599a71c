using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using TrustCheckIn.Data;
using TrustCheckIn.Tests.Infrastructure;

namespace TrustCheckIn.Tests.Data;

// The check-in submit goes again only on the clash it expects; any other failed save stays a failure.
public sealed class DatabaseErrorsTests(TestApp app) : IClassFixture<TestApp>
{
    [Fact]
    public async Task OnlyAUniqueIndexClashCountsAsOne()
    {
        var unique = await FailedSaveAsync("""INSERT INTO "AspNetRoles" ("Id", "Name", "NormalizedName") VALUES ('second-partner-role', 'Partner', 'PARTNER')""");
        var foreignKey = await FailedSaveAsync("""INSERT INTO "AspNetUserRoles" ("UserId", "RoleId") VALUES ('nobody', 'no-role')""");
        var notNull = await FailedSaveAsync("""INSERT INTO "AspNetRoles" ("Id") VALUES (NULL)""");

        Assert.True(DatabaseErrors.IsUniqueViolation(unique));
        Assert.False(DatabaseErrors.IsUniqueViolation(foreignKey));
        Assert.False(DatabaseErrors.IsUniqueViolation(notNull));
        Assert.False(DatabaseErrors.IsUniqueViolation(new DbUpdateConcurrencyException("no row changed")));
    }

    // The real error of the database under test for the statement, as EF Core hands it to a service inside a DbUpdateException.
    private async Task<DbUpdateException> FailedSaveAsync(string sql)
    {
        var error = await Assert.ThrowsAnyAsync<DbException>(() => app.WithDbAsync(db => db.Database.ExecuteSqlRawAsync(sql)));
        return new DbUpdateException("The save failed.", error);
    }
}
