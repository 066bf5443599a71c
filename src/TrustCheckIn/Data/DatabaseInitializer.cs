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
    // True by default, so one SQLite instance needs no set-up; several instances set it false and run `migrate` once per deploy.
    public const string MigrateOnStartSetting = "Database:MigrateOnStart";

    public sealed record Outcome(IReadOnlyList<string> Applied, string SchemaVersion, int MigrationCount, int Encrypted, IReadOnlyList<string> RolesCreated, bool AdministratorGranted);

    public static async Task InitializeAsync(IServiceProvider services)
    {
        if (services.GetRequiredService<IConfiguration>().GetValue(MigrateOnStartSetting, true))
        {
            await MigrateAsync(services);
        }
        else
        {
            await CheckAsync(services);
        }
    }

    // The deploy step (the `migrate` command, or every start with MigrateOnStart): every write that must happen once,
    // before the new build serves, and that instances starting together would race on: the schema, the one-transaction
    // encryption of words still in the clear, the roles (unique names) and the configured administrator's role.
    public static async Task<Outcome> MigrateAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var loggers = scope.ServiceProvider.GetRequiredService<ILoggerFactory>();
        if (db.Database.IsSqlite())
        {
            await db.Database.ExecuteSqlRawAsync(SqlitePragmas.WalMode);
        }

        var applied = await MigrateSchemaAsync(db, loggers.CreateLogger(typeof(DatabaseInitializer)));
        // Refuses on a wrong master key, a missing data key or words it could not encrypt.
        var encryption = await PlainTextEncryption.RunAsync(db, scope.ServiceProvider.GetRequiredService<TextKeyRing>(), scope.ServiceProvider.GetRequiredService<TimeProvider>(), loggers.CreateLogger(typeof(PlainTextEncryption)));

        ReadCookieKeys(scope.ServiceProvider);

        var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();
        var created = new List<string>();
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                await roles.CreateAsync(new IdentityRole(role));
                created.Add(role);
            }
        }

        var adminEmail = scope.ServiceProvider.GetRequiredService<IConfiguration>()["Admin:Email"];
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var granted = false;
        if (!string.IsNullOrWhiteSpace(adminEmail) && await users.FindByEmailAsync(adminEmail) is { } admin
            && !await users.IsInRoleAsync(admin, Roles.Administrator))
        {
            await users.AddToRoleAsync(admin, Roles.Administrator);
            granted = true;
        }

        var history = (await db.Database.GetAppliedMigrationsAsync()).ToList();
        return new Outcome(applied, history.LastOrDefault() ?? "none", history.Count, encryption.Encrypted, created, granted);
    }

    // A start without migrating writes nothing to the database: while the schema is behind, it serves with
    // /healthz/ready unhealthy (so no traffic comes) until `migrate` has run; once current, it checks the keys.
    private static async Task CheckAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var keys = scope.ServiceProvider.GetRequiredService<TextKeyRing>();
        var logger = scope.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DatabaseInitializer));
        // A database not made yet (no SQLite file, no PostgreSQL database: `migrate` makes either) is every migration behind.
        var pending = await db.Database.CanConnectAsync()
            ? (await db.Database.GetPendingMigrationsAsync()).ToList()
            : db.Database.GetMigrations().ToList();
        if (pending.Count > 0)
        {
            logger.LogWarning("Database schema is {Count} migration(s) behind this build and {Setting} is false: not ready until `migrate` has run", pending.Count, MigrateOnStartSetting);
            return;
        }

        // The keys once their tables exist (with Database:SharedKeys they are rows).
        keys.EnsureLoaded();
        await PlainTextEncryption.CheckKeysAsync(db, keys);
        ReadCookieKeys(scope.ServiceProvider);
        var applied = (await db.Database.GetAppliedMigrationsAsync()).ToList();
        logger.LogInformation("Database schema version {Migration} ({Count} migrations applied)", applied.LastOrDefault() ?? "none", applied.Count);
    }

    // The cookie key ring is read now (its first key made, on a new database) that its table exists: an
    // instance started after this one then opens this one's cookies instead of making a key of its own.
    private static void ReadCookieKeys(IServiceProvider services) =>
        _ = services.GetRequiredService<IDataProtectionProvider>().CreateProtector(nameof(DatabaseInitializer)).Protect([0]);

    // EF Core holds a row in __EFMigrationsLock while migrating (even with nothing to apply); a kill meanwhile
    // leaves it behind and every later start waits for it forever. One instance owns the file, so at start-up
    // any lock row is stale. Migrate only runs when something is pending.
    private static async Task<IReadOnlyList<string>> MigrateSchemaAsync(AppDbContext db, ILogger logger)
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
        return pending;
    }
}
