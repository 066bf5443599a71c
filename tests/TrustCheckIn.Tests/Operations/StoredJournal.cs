using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using TrustCheckIn.Data;
using TrustCheckIn.Data.Encryption;

namespace TrustCheckIn.Tests.Operations;

// Reads a database file as an operator's sqlite3 would: integrity first, then every journal text in it.
public static class StoredJournal
{
    // The entries' words as the app would read them: decrypted with the data keys in textKeyFolder.
    public static HashSet<string> Texts(string databasePath, string textKeyFolder)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Encryption:KeyFolder"] = textKeyFolder }).Build();
        var keys = new TextKeyRing(configuration, new DataFolder(configuration, Path.GetDirectoryName(textKeyFolder)!), TimeProvider.System, NullLogger<TextKeyRing>.Instance);
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
            texts.Add(keys.Open(reader.GetString(0)));
        }

        return texts;
    }
}
