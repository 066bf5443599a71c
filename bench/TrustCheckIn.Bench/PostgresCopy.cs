using System.Collections.Concurrent;
using System.Reflection;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Npgsql;
using TrustCheckIn.Data;
using TrustCheckIn.Data.Encryption;

namespace TrustCheckIn.Bench;

// The seeded SQLite database moved into a PostgreSQL database made by the app's own PostgreSQL migrations, table by
// table with COPY. Columns are matched through the two providers' views of the one model, so every row is what the app
// on PostgreSQL would have written; sealed words are copied as they are (the same keys open them).
internal static class PostgresCopy
{
    private static readonly MethodInfo GetFieldValue = typeof(SqliteDataReader).GetMethod(nameof(SqliteDataReader.GetFieldValue))!;
    private static readonly ConcurrentDictionary<Type, MethodInfo> Readers = new();

    // The database is made under a loading name and renamed when complete, so an interrupted copy is never reused.
    public static async Task CopyAsync(string sqlitePath, string server, string database, TextKeyRing keys)
    {
        var loading = database + "_loading";
        await ExecuteAsync(server, $"DROP DATABASE IF EXISTS \"{loading}\" WITH (FORCE)");
        var target = new NpgsqlConnectionStringBuilder(server) { Database = loading }.ConnectionString;
        await using var from = Seeder.ContextFor($"Data Source={sqlitePath};Mode=ReadOnly;Pooling=False", keys);
        await using var to = ContextFor(target, keys);
        await to.Database.MigrateAsync();

        await using var source = new SqliteConnection($"Data Source={sqlitePath};Mode=ReadOnly;Pooling=False");
        await source.OpenAsync();
        await using var destination = new NpgsqlConnection(target);
        await destination.OpenAsync();
        // Rows arrive table by table, so foreign keys are checked by nothing until the copy is complete.
        await using (var replica = new NpgsqlCommand("SET session_replication_role = replica", destination))
        {
            await replica.ExecuteNonQueryAsync();
        }

        var toTables = to.Model.GetRelationalModel().Tables.ToDictionary(t => t.Name, StringComparer.Ordinal);
        foreach (var table in from.Model.GetRelationalModel().Tables)
        {
            var rows = await CopyTableAsync(source, destination, table, toTables[table.Name]);
            Console.WriteLine($"  {table.Name}: {rows} rows");
        }

        // Identity columns continue after the copied keys; the planner learns the tables' sizes.
        await using (var sequences = new NpgsqlCommand(
            """
            SELECT format('SELECT setval(pg_get_serial_sequence(%L, %L), COALESCE(MAX(%I), 0) + 1, false) FROM %I', quote_ident(table_name), column_name, column_name, table_name)
            FROM information_schema.columns WHERE table_schema = 'public' AND is_identity = 'YES'
            """, destination))
        {
            var statements = new List<string>();
            await using (var reader = await sequences.ExecuteReaderAsync())
            {
                while (await reader.ReadAsync())
                {
                    statements.Add(reader.GetString(0));
                }
            }

            foreach (var statement in statements.Append("ANALYZE"))
            {
                await using var command = new NpgsqlCommand(statement, destination);
                command.CommandTimeout = 0;
                await command.ExecuteNonQueryAsync();
            }
        }

        await destination.CloseAsync();
        NpgsqlConnection.ClearAllPools();
        await ExecuteAsync(server, $"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)");
        await ExecuteAsync(server, $"ALTER DATABASE \"{loading}\" RENAME TO \"{database}\"");
    }

    // A copied database kept from an earlier run gets the migrations added since (Seeder.UpToDateAsync).
    public static async Task UpToDateAsync(string server, string database, TextKeyRing keys, bool plain)
    {
        // Unpooled: a connection left open to the seeded database would stop it serving as a TEMPLATE.
        await using var db = ContextFor(new NpgsqlConnectionStringBuilder(server) { Database = database, Pooling = false }.ConnectionString, keys);
        await Seeder.UpToDateAsync(db, plain);
    }

    private static AppDbContext ContextFor(string connection, TextKeyRing keys) =>
        new(new DbContextOptionsBuilder<AppDbContext>().UseNpgsql(connection, npgsql => npgsql.MigrationsAssembly("TrustCheckIn.Migrations.PostgreSQL")).UseTextEncryption(keys).Options);

    public static async Task<bool> ExistsAsync(string server, string database)
    {
        await using var connection = new NpgsqlConnection(server);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT COUNT(*) FROM pg_database WHERE datname = @name", connection);
        command.Parameters.AddWithValue("name", database);
        return (long)(await command.ExecuteScalarAsync())! > 0;
    }

    // A fresh database for one run (the POSTs write), as a file-level copy of the seeded one.
    public static async Task CloneAsync(string server, string seeded, string database)
    {
        await ExecuteAsync(server, $"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)");
        await ExecuteAsync(server, $"CREATE DATABASE \"{database}\" TEMPLATE \"{seeded}\"");
    }

    private static async Task<long> CopyTableAsync(SqliteConnection source, NpgsqlConnection destination, ITable from, ITable to)
    {
        var columns = from.Columns.Select(c => (From: c, To: to.FindColumn(c.Name) ?? throw new InvalidOperationException($"{to.Name}.{c.Name} is not in the PostgreSQL model."))).ToList();
        await using var select = source.CreateCommand();
        select.CommandText = $"SELECT {string.Join(", ", columns.Select(c => $"\"{c.From.Name}\""))} FROM \"{from.Name}\"";
        await using var reader = await select.ExecuteReaderAsync();
        await using var import = await destination.BeginBinaryImportAsync(
            $"COPY \"{to.Name}\" ({string.Join(", ", columns.Select(c => $"\"{c.To.Name}\""))}) FROM STDIN (FORMAT BINARY)");
        import.Timeout = TimeSpan.FromHours(1);
        long rows = 0;
        while (await reader.ReadAsync())
        {
            await import.StartRowAsync();
            for (var i = 0; i < columns.Count; i++)
            {
                var value = reader.IsDBNull(i) ? null : Convert(Read(reader, i, columns[i].From.ProviderClrType), columns[i].From, columns[i].To);
                if (value is null)
                {
                    await import.WriteNullAsync();
                }
                else
                {
                    await import.WriteAsync(value, TypeName(columns[i].To.StoreType));
                }
            }

            rows++;
        }

        await import.CompleteAsync();
        return rows;
    }

    // "character varying(32)" is written as "character varying": the length is the column's, not the value's.
    private static string TypeName(string storeType) => storeType.Split('(')[0];

    private static object Read(SqliteDataReader reader, int ordinal, Type type) =>
        Readers.GetOrAdd(type, t => GetFieldValue.MakeGenericMethod(t)).Invoke(reader, [ordinal])!;

    // The stored value as the other provider stores it: unchanged where both store the same type, otherwise through the
    // model's own value (enum, date) and the other provider's conversion. PostgreSQL keeps timestamps as UTC.
    private static object? Convert(object value, IColumn from, IColumn to)
    {
        if (from.ProviderClrType != to.ProviderClrType)
        {
            var model = from.PropertyMappings[0].TypeMapping.Converter is { } read ? read.ConvertFromProvider(value) : value;
            value = to.PropertyMappings[0].TypeMapping.Converter is { } write ? write.ConvertToProvider(model)! : model!;
        }

        return value is DateTime { Kind: not DateTimeKind.Utc } time && to.StoreType == "timestamp with time zone"
            ? DateTime.SpecifyKind(time, DateTimeKind.Utc)
            : value;
    }

    private static async Task ExecuteAsync(string server, string sql)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(server) { Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        // CREATE DATABASE … TEMPLATE copies the whole seeded database: minutes at 10,000 couples, not 30 s.
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
        await command.ExecuteNonQueryAsync();
    }
}
