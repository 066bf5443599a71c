using System.Data.Common;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Data.Sqlite;
using TrustCheckIn.Tests.Infrastructure;

namespace TrustCheckIn.Tests.Security;

// Every table's row count and a hash of every row, read straight from the database (past the app).
public sealed record DbFingerprint(IReadOnlyDictionary<string, (int Rows, string Hash)> Tables)
{
    public static DbFingerprint Take(TestApp app)
    {
        using var connection = app.OpenDatabase();
        var tables = new List<string>();
        using (var list = connection.CreateCommand())
        {
            list.CommandText = connection is SqliteConnection
                ? "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name"
                : "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name";
            using var reader = list.ExecuteReader();
            while (reader.Read())
            {
                tables.Add(reader.GetString(0));
            }
        }

        var result = new Dictionary<string, (int, string)>(StringComparer.Ordinal);
        foreach (var table in tables)
        {
            using var select = connection.CreateCommand();
            select.CommandText = $"SELECT * FROM \"{table}\"";
            using var reader = select.ExecuteReader();
            var rows = new List<string>();
            while (reader.Read())
            {
                rows.Add(string.Concat(Enumerable.Range(0, reader.FieldCount).Select(i => $"{reader.GetName(i)}={Describe(reader, i)}|")));
            }

            // In a fixed order of their own: PostgreSQL returns rows in no particular order.
            rows.Sort(StringComparer.Ordinal);
            result[table] = (rows.Count, Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join("\n", rows)))));
        }

        return new DbFingerprint(result);
    }

    // One table's rows as text, oldest first (by insertion on SQLite, by the first column, the id, on PostgreSQL).
    public static IReadOnlyList<string> Rows(TestApp app, string table)
    {
        using var connection = app.OpenDatabase();
        using var select = connection.CreateCommand();
        select.CommandText = $"SELECT * FROM \"{table}\" ORDER BY {(connection is SqliteConnection ? "rowid" : "1")}";
        using var reader = select.ExecuteReader();
        var rows = new List<string>();
        while (reader.Read())
        {
            rows.Add(string.Join("|", Enumerable.Range(0, reader.FieldCount).Select(i => Describe(reader, i))));
        }

        return rows;
    }

    private static string Describe(DbDataReader reader, int i) => reader.IsDBNull(i)
        ? "∅"
        : reader.GetValue(i) is byte[] bytes ? Convert.ToHexString(bytes) : Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture) ?? "";

    // Tables whose rows differ, described for a failure message.
    public IReadOnlyList<string> Differences(DbFingerprint after, params string[] ignoring) => Tables.Keys.Union(after.Tables.Keys)
        .Where(t => !ignoring.Contains(t, StringComparer.Ordinal))
        .Where(t => Tables.GetValueOrDefault(t) != after.Tables.GetValueOrDefault(t))
        .Select(t => $"{t}: {Tables.GetValueOrDefault(t).Rows} → {after.Tables.GetValueOrDefault(t).Rows} rows")
        .ToList();
}
