using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;

namespace TrustCheckIn.Data;

// Which engine holds the data: SQLite, the default (one file in the data folder, nothing to set up), or
// PostgreSQL, for several instances on one database ("Database:Provider"; "ConnectionStrings:Default").
// One model; each engine has its own migrations assembly, because their column types and SQL differ.
public sealed class DatabaseSettings
{
    public const string Section = "Database";

    public DatabaseSettings(IConfiguration configuration, DataFolder dataFolder)
    {
        var provider = configuration[$"{Section}:Provider"];
        Provider = string.IsNullOrWhiteSpace(provider) ? DatabaseProvider.Sqlite
            : Enum.TryParse<DatabaseProvider>(provider, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) ? parsed
            : throw new InvalidOperationException($"{Section}:Provider must be Sqlite or PostgreSQL, not '{provider}'.");
        if (Provider == DatabaseProvider.PostgreSQL && string.IsNullOrWhiteSpace(configuration.GetConnectionString("Default")))
        {
            throw new InvalidOperationException("With Database:Provider PostgreSQL, ConnectionStrings:Default must name the database.");
        }

        ConnectionString = dataFolder.ConnectionString;
    }

    public DatabaseProvider Provider { get; }

    public string ConnectionString { get; }

    public bool IsSqlite => Provider == DatabaseProvider.Sqlite;

    public string MigrationsAssembly => $"TrustCheckIn.Migrations.{Provider}";

    public DbContextOptionsBuilder Use(DbContextOptionsBuilder options) => IsSqlite
        ? options.UseSqlite(ConnectionString, sqlite => sqlite.MigrationsAssembly(MigrationsAssembly))
        : options.UseNpgsql(ConnectionString, npgsql => npgsql.MigrationsAssembly(MigrationsAssembly));
}

public enum DatabaseProvider
{
    Sqlite,
    PostgreSQL,
}
