using Microsoft.Data.Sqlite;

namespace TrustCheckIn.Tests.Operations;

// Reads a database file as an operator's sqlite3 would: integrity first, then every journal text in it.
public static class StoredJournal
{
    public static HashSet<string> Texts(string databasePath)
    {
        using var connection = new SqliteConnection($"Data Source={databasePath};Pooling=false");
        connection.Open();
        using var check = connection.CreateCommand();
        check.CommandText = "PRAGMA integrity_check";
        Assert.Equal("ok", check.ExecuteScalar());
        using var read = connection.CreateCommand();
        read.CommandText = "SELECT Text FROM JournalEntries";
        using var reader = read.ExecuteReader();
        var texts = new HashSet<string>(StringComparer.Ordinal);
        while (reader.Read())
        {
            texts.Add(reader.GetString(0));
        }

        return texts;
    }
}
