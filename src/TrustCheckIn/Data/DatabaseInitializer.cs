using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using TrustCheckIn.Accounts;
using TrustCheckIn.Data.Encryption;

namespace TrustCheckIn.Data;

public static class DatabaseInitializer
{
    // Applies migrations, encrypts any words still in the clear, makes sure the roles exist and that the configured administrator holds the role.
    public static async Task InitializeAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        if (db.Database.IsSqlite())
        {
            await db.Database.ExecuteSqlRawAsync(SqlitePragmas.WalMode);
        }

        await MigrateAsync(db, scope.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DatabaseInitializer)));
        // Refuses to start on a wrong master key, a missing data key or words it could not encrypt.
        await PlainTextEncryption.RunAsync(db, scope.ServiceProvider.GetRequiredService<TextKeyRing>(), scope.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(PlainTextEncryption)));

        // The cookie key ring is read now (its first key made, on a new database) that its table exists: an
        // instance started after this one then opens this one's cookies instead of making a key of its own.
        _ = scope.ServiceProvider.GetRequiredService<IDataProtectionProvider>().CreateProtector(nameof(DatabaseInitializer)).Protect([0]);

        var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                await roles.CreateAsync(new IdentityRole(role));
            }
        }

        var adminEmail = scope.ServiceProvider.GetRequiredService<IConfiguration>()["Admin:Email"];
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        if (!string.IsNullOrWhiteSpace(adminEmail) && await users.FindByEmailAsync(adminEmail) is { } admin
            && !await users.IsInRoleAsync(admin, Roles.Administrator))
        {
            await users.AddToRoleAsync(admin, Roles.Administrator);
        }
    }

    // EF Core holds a row in __EFMigrationsLock while migrating (even with nothing to apply); a kill meanwhile
    // leaves it behind and every later start waits for it forever. One instance owns the file, so at start-up
    // any lock row is stale. Migrate only runs when something is pending.
    private static async Task MigrateAsync(AppDbContext db, ILogger logger)
    {
        if (db.Database.IsSqlite() && await db.Database
            .SqlQuery<int>($"SELECT COUNT(*) AS Value FROM sqlite_master WHERE type = 'table' AND name = '__EFMigrationsLock'")
            .SingleAsync() > 0)
        {
            var stale = await db.Database.ExecuteSqlRawAsync("DELETE FROM \"__EFMigrationsLock\"");
            if (stale > 0)
            {
                logger.LogWarning("Cleared a stale migration lock left by an earlier start that did not finish");
            }
        }

        var pending = (await db.Database.GetPendingMigrationsAsync()).ToList();
        if (pending.Count > 0)
        {
            logger.LogInformation("Applying {Count} database migration(s): {Migrations}", pending.Count, string.Join(", ", pending));
            await db.Database.MigrateAsync();
        }

        var applied = (await db.Database.GetAppliedMigrationsAsync()).ToList();
        logger.LogInformation("Database schema version {Migration} ({Count} migrations applied)", applied.LastOrDefault() ?? "none", applied.Count);
    }
}
