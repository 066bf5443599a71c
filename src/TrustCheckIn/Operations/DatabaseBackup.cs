using System.Globalization;
using System.IO.Compression;
using Microsoft.Data.Sqlite;
using TrustCheckIn.Data;

namespace TrustCheckIn.Operations;

// An online backup: SQLite's backup API copies one consistent snapshot while the app keeps writing (in WAL mode
// the copy's read transaction and the app's writes do not block each other). The key ring goes to a second file,
// to be stored apart from the database: together they can read every sign-in cookie and unsubscribe link.
public static class DatabaseBackup
{
    public sealed record Files(string Database, string Keys, string TextKeys);

    // textKeyFolder: the data keys of people's words (TextKeyRing.Folder), in a third file of their own.
    public static Files Write(DataFolder dataFolder, string textKeyFolder, string targetFolder, TimeProvider time)
    {
        Directory.CreateDirectory(targetFolder);
        var stamp = time.GetUtcNow().ToString("yyyyMMdd'T'HHmmssfff'Z'", CultureInfo.InvariantCulture);
        var files = new Files(
            Path.Combine(targetFolder, $"trustcheckin-{stamp}.db"),
            Path.Combine(targetFolder, $"trustcheckin-keys-{stamp}.zip"),
            Path.Combine(targetFolder, $"trustcheckin-text-keys-{stamp}.zip"));
        if (File.Exists(files.Database) || File.Exists(files.Keys) || File.Exists(files.TextKeys))
        {
            throw new IOException($"A backup named {stamp} already exists in {targetFolder}.");
        }

        using (var source = Open(dataFolder.ConnectionString))
        using (var target = Open($"Data Source={files.Database}"))
        {
            source.BackupDatabase(target);
            using var check = target.CreateCommand();
            check.CommandText = "PRAGMA integrity_check";
            if (check.ExecuteScalar() as string != "ok")
            {
                throw new InvalidDataException("The copy failed SQLite's integrity check; the database was not backed up.");
            }
        }

        ZipFile.CreateFromDirectory(dataFolder.Combine("keys"), files.Keys);
        Directory.CreateDirectory(textKeyFolder);
        ZipFile.CreateFromDirectory(textKeyFolder, files.TextKeys);
        if (!OperatingSystem.IsWindows())
        {
            foreach (var file in new[] { files.Database, files.Keys, files.TextKeys })
            {
                File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            }
        }

        return files;
    }

    private static SqliteConnection Open(string connectionString)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder(connectionString) { Pooling = false }.ToString());
        connection.Open();
        using var wait = connection.CreateCommand();
        wait.CommandText = "PRAGMA busy_timeout=10000";
        wait.ExecuteNonQuery();
        return connection;
    }
}
