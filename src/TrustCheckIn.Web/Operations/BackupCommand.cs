using TrustCheckIn.Data;
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
            var files = DatabaseBackup.Write(new DataFolder(builder.Configuration, builder.Environment.ContentRootPath), Path.GetFullPath(folder), TimeProvider.System);
            Console.WriteLine($"Database: {files.Database}");
            Console.WriteLine($"Keys (store apart from the database): {files.Keys}");
            return 0;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException or Microsoft.Data.Sqlite.SqliteException)
        {
            Console.Error.WriteLine($"Backup failed: {e.Message}");
            return 1;
        }
    }
}
