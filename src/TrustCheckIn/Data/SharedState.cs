using Microsoft.Extensions.Configuration;

namespace TrustCheckIn.Data;

// The one decision whether the key rings live in the database, so that several instances over one database
// agree on them: "Database:SharedKeys", on by default for PostgreSQL, off for the single SQLite instance
// (whose keys stay in files beside its database).
public static class SharedState
{
    public const string Setting = "Database:SharedKeys";

    public static bool KeysInDatabase(IConfiguration configuration) =>
        configuration.GetValue<bool?>(Setting)
        ?? string.Equals(configuration["Database:Provider"], "PostgreSQL", StringComparison.OrdinalIgnoreCase);
}
