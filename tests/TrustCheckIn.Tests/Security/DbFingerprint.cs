using System.Security.Cryptography;
using System.Text;
using Microsoft.Data.Sqlite;

namespace TrustCheckIn.Tests.Security;

// Every table's row count and a hash of every row, read straight from the SQLite file.
public sealed record DbFingerprint(IReadOnlyDictionary<string, (int Rows, string Hash)> Tables)
{
    public static DbFingerprint Take(string databasePath)
    {
        using var connection = new SqliteConnection($"Data Source={databasePath};Mode=ReadOnly;Pooling=False");
        connection.Open();
        var tables = new List<string>();
        using (var list = connection.CreateCommand())
        {
            list.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name";
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
            select.CommandText = $"SELECT * FROM \"{table}\" ORDER BY rowid";
            using var reader = select.ExecuteReader();
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            var rows = 0;
            while (reader.Read())
            {
                rows++;
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    hash.AppendData(Encoding.UTF8.GetBytes($"{reader.GetName(i)}={Describe(reader, i)}|"));
                }

                hash.AppendData("\n"u8);
            }

            result[table] = (rows, Convert.ToHexString(hash.GetHashAndReset()));
        }

        return new DbFingerprint(result);
    }

    // One table's rows as text, oldest first.
    public static IReadOnlyList<string> Rows(string databasePath, string table)
    {
        using var connection = new SqliteConnection($"Data Source={databasePath};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var select = connection.CreateCommand();
        select.CommandText = $"SELECT * FROM \"{table}\" ORDER BY rowid";
        using var reader = select.ExecuteReader();
        var rows = new List<string>();
        while (reader.Read())
        {
            rows.Add(string.Join("|", Enumerable.Range(0, reader.FieldCount).Select(i => Describe(reader, i))));
        }

        return rows;
    }

    private static string Describe(SqliteDataReader reader, int i) => reader.IsDBNull(i)
        ? "∅"
        : reader.GetValue(i) is byte[] bytes ? Convert.ToHexString(bytes) : Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture) ?? "";

    // Tables whose rows differ, described for a failure message.
    public IReadOnlyList<string> Differences(DbFingerprint after, params string[] ignoring) => Tables.Keys.Union(after.Tables.Keys)
        .Where(t => !ignoring.Contains(t, StringComparer.Ordinal))
        .Where(t => Tables.GetValueOrDefault(t) != after.Tables.GetValueOrDefault(t))
        .Select(t => $"{t}: {Tables.GetValueOrDefault(t).Rows} → {after.Tables.GetValueOrDefault(t).Rows} rows")
        .ToList();
}
