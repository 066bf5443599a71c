using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace TrustCheckIn.Data;

// Once per physical connection (a pooled open reuses the handle and keeps its settings): FULL sync so an
// acknowledged write survives power loss, a busy timeout so concurrent writers wait instead of failing,
// secure_delete so erased text is overwritten in the file, and foreign keys. WAL is a property of the file,
// set once at start-up (WalMode).
public sealed class SqlitePragmas : DbConnectionInterceptor
{
    public const string WalMode = "PRAGMA journal_mode=WAL;";

    // Moves the write-ahead log into the file and empties it (after erasure: no old words left in the log).
    public const string Checkpoint = "PRAGMA wal_checkpoint(TRUNCATE);";

    private const string Pragmas = "PRAGMA synchronous=FULL; PRAGMA busy_timeout=10000; PRAGMA secure_delete=ON; PRAGMA foreign_keys=ON;";

    private readonly ConditionalWeakTable<object, object> configured = [];

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        if (FirstOpen(connection))
        {
            using var command = connection.CreateCommand();
            command.CommandText = Pragmas;
            command.ExecuteNonQuery();
        }
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (FirstOpen(connection))
        {
            await using var command = connection.CreateCommand();
            command.CommandText = Pragmas;
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    // The native handle lives as long as the physical connection; the table forgets it when it is closed for good.
    private bool FirstOpen(DbConnection connection) =>
        connection is not SqliteConnection { Handle: { } handle } || configured.TryAdd(handle, this);
}
