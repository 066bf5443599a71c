using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace TrustCheckIn.Data;

// The one place that tells a unique-index clash from any other failed save. A PostgreSQL provider adds its
// own answer here (PostgresException with SqlState 23505, unique_violation).
public static class DatabaseErrors
{
    private const int SqliteConstraint = 19;
    private const int SqliteConstraintUnique = 2067;

    public static bool IsUniqueViolation(DbUpdateException exception) => exception.InnerException is SqliteException
    {
        SqliteErrorCode: SqliteConstraint,
        SqliteExtendedErrorCode: SqliteConstraintUnique,
    };
}
