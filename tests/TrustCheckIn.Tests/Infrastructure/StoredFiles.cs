using System.Text;

namespace TrustCheckIn.Tests.Infrastructure;

public static class StoredFiles
{
    // Which of the texts lie in the SQLite file or its write-ahead log. PostgreSQL keeps deleted rows in its
    // files until VACUUM (README: "Running several instances"), so on PostgreSQL this check is not made.
    public static IReadOnlyList<string> LeftInDatabaseFiles(TestApp app, IEnumerable<string> texts) => TestApp.OnPostgres
        ? []
        : texts.Where(text => FileContains(app.DatabasePath, text) || FileContains(app.DatabasePath + "-wal", text)).ToList();

    // Reads the bytes as they lie on disk (the app may still hold the file open): erased text must not be there.
    public static bool FileContains(string path, string text)
    {
        if (!File.Exists(path))
        {
            return false;
        }

        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var memory = new MemoryStream();
        stream.CopyTo(memory);
        return memory.ToArray().AsSpan().IndexOf(Encoding.UTF8.GetBytes(text)) >= 0;
    }
}
