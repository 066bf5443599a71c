using Microsoft.AspNetCore.Identity;
using TrustCheckIn.Accounts;
using TrustCheckIn.Data;

namespace TrustCheckIn.Web.Operations;

// `dotnet TrustCheckIn.Web.dll migrate`: the deploy step, once per deploy before the new build serves (with
// Database:MigrateOnStart false on every instance). Reads the same settings as the app (appsettings, environment,
// further --Key value arguments), so run it with the service's environment and working directory.
public static class MigrateCommand
{
    public const string Name = "migrate";

    private const string Usage = "Usage: dotnet TrustCheckIn.Web.dll migrate [--Key value ...]";

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter errors)
    {
        var rest = args.Skip(1).ToArray();
        if (!AreSettings(rest))
        {
            await errors.WriteLineAsync(Usage);
            return 2;
        }

        try
        {
            var builder = WebApplication.CreateBuilder(rest);
            // Only the database, the key ring and Identity's managers are composed here, not the pages' services.
            builder.Host.UseDefaultServiceProvider(options => options.ValidateOnBuild = false);
            builder.Services.AddTrustCheckIn(builder.Configuration, builder.Environment.ContentRootPath);
            // Only what the roles and the administrator's role need; the app's sign-in options play no part here.
            builder.Services.AddIdentityCore<AppUser>().AddRoles<IdentityRole>().AddEntityFrameworkStores<AppDbContext>();
            await using var app = builder.Build();

            var outcome = await DatabaseInitializer.MigrateAsync(app.Services);
            await output.WriteLineAsync(outcome.Applied.Count == 0
                ? "No migrations to apply."
                : $"Applied {outcome.Applied.Count} migration(s): {string.Join(", ", outcome.Applied)}");
            await output.WriteLineAsync($"Database schema version {outcome.SchemaVersion} ({outcome.MigrationCount} migrations applied)");
            if (outcome.Encrypted > 0)
            {
                await output.WriteLineAsync($"Encrypted {outcome.Encrypted} stored text(s) that were in the clear");
            }

            if (outcome.RolesCreated.Count > 0)
            {
                await output.WriteLineAsync($"Created role(s): {string.Join(", ", outcome.RolesCreated)}");
            }

            if (outcome.AdministratorGranted)
            {
                await output.WriteLineAsync($"Gave the {Roles.Administrator} role to Admin:Email");
            }

            return 0;
        }
        catch (Exception e)
        {
            // A deploy script needs one exit code for every failure: a bad setting, a wrong key, a failed migration.
            await errors.WriteLineAsync($"Migrate failed: {e.Message}");
            return 1;
        }
    }

    // Nothing of its own: only settings, as `--Key value`, `--Key=value` or `Key=value`.
    private static bool AreSettings(string[] rest)
    {
        for (var i = 0; i < rest.Length; i++)
        {
            if (rest[i].Contains('=', StringComparison.Ordinal) && !rest[i].StartsWith('='))
            {
                continue;
            }

            if (rest[i].Length > 2 && rest[i].StartsWith("--", StringComparison.Ordinal) && i + 1 < rest.Length && !rest[i + 1].StartsWith("--", StringComparison.Ordinal))
            {
                i++;
                continue;
            }

            return false;
        }

        return true;
    }
}
