using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace TrustCheckIn.Data;

// SQLite runs one write transaction at a time (Microsoft.Data.Sqlite begins them IMMEDIATE), and the services'
// read-then-write transactions (one check-in a week, one claim of a reminder) rely on it. On PostgreSQL every
// transaction first takes the same transaction-level advisory lock, so they keep that meaning on any number
// of instances; the lock ends with the commit or rollback. Statements outside a transaction are not held up.
public sealed class PostgresWriteLock : DbTransactionInterceptor
{
    // Any fixed number ("TRUSTCKI" in ASCII): the one lock every TrustCheckIn transaction shares.
    private const string Take = "SELECT pg_advisory_xact_lock(6076012663660563273)";

    public override DbTransaction TransactionStarted(DbConnection connection, TransactionEndEventData eventData, DbTransaction result)
    {
        using var command = Command(connection, result);
        command.ExecuteNonQuery();
        return result;
    }

    public override async ValueTask<DbTransaction> TransactionStartedAsync(DbConnection connection, TransactionEndEventData eventData, DbTransaction result, CancellationToken cancellationToken = default)
    {
        await using var command = Command(connection, result);
        await command.ExecuteNonQueryAsync(cancellationToken);
        return result;
    }

    private static DbCommand Command(DbConnection connection, DbTransaction transaction)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = Take;
        return command;
    }
}
