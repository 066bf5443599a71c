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
        await db.Database.ExecuteSqlRawAsync(SqlitePragmas.WalMode);
        await db.Database.MigrateAsync();
        // Refuses to start on a wrong master key, a missing data key or words it could not encrypt.
        await PlainTextEncryption.RunAsync(db, scope.ServiceProvider.GetRequiredService<TextKeyRing>(), scope.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(PlainTextEncryption)));

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
}
