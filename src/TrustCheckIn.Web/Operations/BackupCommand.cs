using TrustCheckIn.Data;
using TrustCheckIn.Data.Encryption;
using TrustCheckIn.Operations;

namespace TrustCheckIn.Web.Operations;

// `dotnet TrustCheckIn.Web.dll backup --to FOLDER`: reads the same settings as the app (appsettings, environment,
// further --Key value arguments), so run it with the service's environment and working directory.
public static class BackupCommand
{
    public const string Name = "backup";

    public static int Run(string[] args)
    {
        var rest = args.Skip(1).ToList();
        var to = rest.IndexOf("--to");
        if (to < 0 || to + 1 >= rest.Count)
        {
            Console.Error.WriteLine("Usage: dotnet TrustCheckIn.Web.dll backup --to FOLDER");
            return 2;
        }

        var folder = rest[to + 1];
        rest.RemoveRange(to, 2);
        var builder = WebApplication.CreateBuilder(rest.ToArray());
        try
        {
            var dataFolder = new DataFolder(builder.Configuration, builder.Environment.ContentRootPath);
            if (!new DatabaseSettings(builder.Configuration, dataFolder).IsSqlite)
            {
                Console.Error.WriteLine("backup copies the embedded SQLite database; back up PostgreSQL with pg_dump, and the key folders with it (README: Running several instances).");
                return 2;
            }

            var files = DatabaseBackup.Write(dataFolder, TextKeyRing.FolderOf(builder.Configuration, dataFolder), Path.GetFullPath(folder), TimeProvider.System);
            Console.WriteLine($"Database: {files.Database}");
            Console.WriteLine($"Keys (store apart from the database): {files.Keys}");
            Console.WriteLine($"Text keys (store apart from the database; without them its words are unreadable): {files.TextKeys}");
            return 0;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException or InvalidOperationException or Microsoft.Data.Sqlite.SqliteException)
        {
            Console.Error.WriteLine($"Backup failed: {e.Message}");
            return 1;
        }
    }
}
