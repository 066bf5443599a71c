using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace TrustCheckIn.Data.Encryption;

// One file per data key in the key folder beside the database, and the master key in it when none is
// configured. Only this instance writes the folder, so what the ring loaded is all there is.
public sealed class DataKeyFiles(string folder, ILogger logger) : IDataKeyStore
{
    public const string MasterKeyFile = "master.key";
    private const string KeyFileSuffix = ".datakey";
    private const string ErasedFileSuffix = ".erased";

    public string Folder { get; } = folder;

    public string Place => $"the key folder {Folder}";

    public byte[]? KeptMaster()
    {
        var path = Path.Combine(Folder, MasterKeyFile);
        return File.Exists(path) ? TextKeyRing.ParseMaster(File.ReadAllText(path).Trim(), path) : null;
    }

    public byte[] NewMaster(int dataKeyCount)
    {
        if (dataKeyCount > 0)
        {
            throw new TextKeyException(
                $"The key folder {Folder} holds {dataKeyCount} data key(s) but no master key: set {TextKeyRing.Section}:MasterKey, or restore {MasterKeyFile} into the folder.");
        }

        // A first start with no configured master key: one is made and kept in the key folder.
        var created = RandomNumberGenerator.GetBytes(32);
        WriteDurably(Path.Combine(Folder, MasterKeyFile), Encoding.ASCII.GetBytes(Convert.ToBase64String(created)));
        logger.LogWarning("Created a master key in {Folder}; set {Setting} to keep it outside the key folder", Folder, $"{TextKeyRing.Section}:MasterKey");
        return created;
    }

    public IReadOnlyList<WrappedKey> ReadAll()
    {
        Directory.CreateDirectory(Folder);
        return Directory.GetFiles(Folder, "*" + KeyFileSuffix).Order(StringComparer.Ordinal).Select(Read).ToList();
    }

    public IReadOnlySet<string> ReadErasedIds() =>
        Directory.GetFiles(Folder, "*" + ErasedFileSuffix).Select(p => Path.GetFileName(p)[..^ErasedFileSuffix.Length]).ToHashSet(StringComparer.Ordinal);

    public (WrappedKey? Key, bool Erased) Find(string id)
    {
        var path = Path.Combine(Folder, id + KeyFileSuffix);
        return File.Exists(path) ? (Read(path), false) : (null, File.Exists(Path.Combine(Folder, id + ErasedFileSuffix)));
    }

    public WrappedKey? NewestOf(string owner) => null;

    public void Add(WrappedKey key, DbContext? saving) => Write(key);

    public void Using(string id, DbContext? saving)
    {
    }

    public void Rewrap(WrappedKey key) => Write(key);

    // The key file is overwritten and removed, and a marker says it was erased on purpose.
    public IReadOnlyList<string> Erase(string owner, IReadOnlyCollection<string> held, DateTime now)
    {
        foreach (var id in held)
        {
            WriteDurably(Path.Combine(Folder, id + ErasedFileSuffix), Encoding.UTF8.GetBytes($"{owner} {now:O}"));
            var path = Path.Combine(Folder, id + KeyFileSuffix);
            var length = new FileInfo(path).Length;
            WriteInPlace(path, new byte[length]);
            File.Delete(path);
        }

        return [.. held];
    }

    private static WrappedKey Read(string path) =>
        JsonSerializer.Deserialize<WrappedKey>(File.ReadAllBytes(path)) ?? throw new TextKeyException($"The key file {path} is empty.");

    private void Write(WrappedKey key) => WriteDurably(Path.Combine(Folder, key.Id + KeyFileSuffix), JsonSerializer.SerializeToUtf8Bytes(key));

    // Written beside, flushed to disk, then renamed over: a crash leaves the old file or the new, never half.
    private static void WriteDurably(string path, byte[] content)
    {
        var temporary = path + ".tmp";
        WriteInPlace(temporary, content);
        File.Move(temporary, path, overwrite: true);
    }

    private static void WriteInPlace(string path, byte[] content)
    {
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using var stream = new FileStream(path, options);
        stream.Write(content);
        stream.Flush(flushToDisk: true);
    }
}
