using System.Text;

namespace TrustCheckIn.Tests.Infrastructure;

public static class StoredFiles
{
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
