using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace TrustCheckIn.Data.Encryption;

// The data keys that encrypt people's words: one per person and one per couple, each a file in the key
// folder (never in the database), wrapped with AES-GCM by the master key. Loaded once, then held in memory;
// a singleton shared by every (pooled) AppDbContext.
public sealed class TextKeyRing
{
    public const string Section = "Encryption";
    public const string MasterKeyFile = "master.key";
    private const string KeyFileSuffix = ".datakey";
    private const string ErasedFileSuffix = ".erased";
    private const int CiphersPerThread = 64;

    private readonly Lock gate = new();
    private readonly ILogger<TextKeyRing> logger;
    private readonly byte[]? configuredMaster;
    private readonly List<byte[]> previousMasters;
    private readonly TimeProvider time;
    private Dictionary<string, DataKey>? keysById;
    private Dictionary<string, DataKey> currentByOwner = new(StringComparer.Ordinal);
    private HashSet<string> erasedIds = new(StringComparer.Ordinal);
    private byte[] master = [];

    public TextKeyRing(IConfiguration configuration, DataFolder dataFolder, TimeProvider time, ILogger<TextKeyRing> logger)
    {
        this.logger = logger;
        this.time = time;
        var section = configuration.GetSection(Section);
        Folder = FolderOf(configuration, dataFolder);
        configuredMaster = section["MasterKey"] is { Length: > 0 } configured ? ParseMaster(configured, $"{Section}:MasterKey") : null;
        previousMasters = section.GetSection("PreviousMasterKeys").GetChildren()
            .Where(c => !string.IsNullOrWhiteSpace(c.Value))
            .Select(c => ParseMaster(c.Value!, $"{Section}:PreviousMasterKeys:{c.Key}"))
            .ToList();
    }

    public string Folder { get; }

    public string MasterKeyId { get { EnsureLoaded(); return IdOfMaster(master); } }

    private sealed record DataKey(string Id, string Owner, byte[] Key, DateTime Created);

    private sealed record KeyFile(string Id, string Owner, string Master, string Wrapped, DateTime Created);

    public static string FolderOf(IConfiguration configuration, DataFolder dataFolder) =>
        Path.GetFullPath(Path.Combine(dataFolder.Path, configuration[$"{Section}:KeyFolder"] is { Length: > 0 } folder ? folder : "text-keys"));

    public static string UserOwner(string userId) => $"user:{userId}";

    public static string CoupleOwner(int coupleId) => $"couple:{coupleId}";

    public static string NewMasterKey() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    // Reads every data key and checks each opens with a master key we hold; the app refuses to start otherwise.
    public void EnsureLoaded()
    {
        if (keysById is not null)
        {
            return;
        }

        lock (gate)
        {
            if (keysById is null)
            {
                Load();
            }
        }
    }

    public string Seal(string plain, string owner)
    {
        EnsureLoaded();
        var key = KeyFor(owner);
        return SealedText.Seal(plain, key.Id, CipherFor(key));
    }

    public string Open(string stored)
    {
        if (stored.Length == 0)
        {
            return stored;
        }

        EnsureLoaded();
        if (!SealedText.LooksSealed(stored))
        {
            throw new TextKeyException("The database holds words that are not encrypted. The start-up encryption has not finished: restart the app to complete it.");
        }

        var id = SealedText.KeyIdOf(stored);
        if (keysById!.TryGetValue(id, out var key))
        {
            return SealedText.Open(stored, CipherFor(key));
        }

        return erasedIds.Contains(id) ? SealedText.Erased : throw MissingKey(id);
    }

    public bool IsKnown(string keyId)
    {
        EnsureLoaded();
        return keysById!.ContainsKey(keyId) || erasedIds.Contains(keyId);
    }

    public TextKeyException MissingKey(string keyId) =>
        new($"Data key {keyId} is not in the key folder {Folder}. Restore the key folder from the backup made with the database.");

    // Crypto-shredding: the key file is overwritten and removed, and a marker says it was erased on purpose,
    // so an older database copy shows "erased" for these words instead of failing as if a key were lost.
    public int Destroy(string owner)
    {
        EnsureLoaded();
        lock (gate)
        {
            var doomed = keysById!.Values.Where(k => k.Owner == owner).ToList();
            foreach (var key in doomed)
            {
                WriteDurably(Path.Combine(Folder, key.Id + ErasedFileSuffix), Encoding.UTF8.GetBytes($"{owner} {time.GetUtcNow():O}"));
                var path = Path.Combine(Folder, key.Id + KeyFileSuffix);
                var length = new FileInfo(path).Length;
                WriteInPlace(path, new byte[length]);
                File.Delete(path);
                CryptographicOperations.ZeroMemory(key.Key);
            }

            var ids = doomed.Select(k => k.Id).ToHashSet(StringComparer.Ordinal);
            keysById = keysById.Where(k => !ids.Contains(k.Key)).ToDictionary(StringComparer.Ordinal);
            currentByOwner = currentByOwner.Where(k => k.Key != owner).ToDictionary(StringComparer.Ordinal);
            erasedIds = [.. erasedIds, .. ids];
            Interlocked.Increment(ref generation);
            if (doomed.Count > 0)
            {
                logger.LogInformation("Destroyed {Count} data key(s) of {Owner}", doomed.Count, owner);
            }

            return doomed.Count;
        }
    }

    // An AesGcm is not safe to share between threads, and making one per text costs about as much as the
    // decryption itself: each thread keeps one per data key it used lately. A destroyed key raises the
    // generation, and every thread drops its ciphers (the key schedules in them) on its next use.
    [ThreadStatic]
    private static Dictionary<string, AesGcm>? ciphers;

    [ThreadStatic]
    private static int ciphersGeneration;

    private static int generation;

    private static AesGcm CipherFor(DataKey key)
    {
        var cache = ciphers ??= new Dictionary<string, AesGcm>(StringComparer.Ordinal);
        var current = Volatile.Read(ref generation);
        if (ciphersGeneration != current || cache.Count >= CiphersPerThread)
        {
            foreach (var cipher in cache.Values)
            {
                cipher.Dispose();
            }

            cache.Clear();
            ciphersGeneration = current;
        }

        if (!cache.TryGetValue(key.Id, out var found))
        {
            found = new AesGcm(key.Key, SealedText.TagSize);
            cache[key.Id] = found;
        }

        return found;
    }

    private DataKey KeyFor(string owner)
    {
        if (currentByOwner.TryGetValue(owner, out var existing))
        {
            return existing;
        }

        lock (gate)
        {
            if (currentByOwner.TryGetValue(owner, out existing))
            {
                return existing;
            }

            var key = new DataKey(Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(SealedText.KeyIdLength / 2)), owner, RandomNumberGenerator.GetBytes(32), time.GetUtcNow().UtcDateTime);
            WriteKeyFile(key);
            keysById = new Dictionary<string, DataKey>(keysById!, StringComparer.Ordinal) { [key.Id] = key };
            currentByOwner = new Dictionary<string, DataKey>(currentByOwner, StringComparer.Ordinal) { [owner] = key };
            return key;
        }
    }

    private void Load()
    {
        Directory.CreateDirectory(Folder);
        var files = Directory.GetFiles(Folder, "*" + KeyFileSuffix).Order(StringComparer.Ordinal).ToList();
        master = configuredMaster ?? MasterFromFolder(files.Count);
        var masters = new Dictionary<string, byte[]>(StringComparer.Ordinal) { [IdOfMaster(master)] = master };
        foreach (var previous in previousMasters.Append(configuredMaster is null ? null : ReadFolderMaster()).OfType<byte[]>())
        {
            masters.TryAdd(IdOfMaster(previous), previous);
        }

        var byId = new Dictionary<string, DataKey>(StringComparer.Ordinal);
        var byOwner = new Dictionary<string, DataKey>(StringComparer.Ordinal);
        var rewrapped = 0;
        foreach (var path in files)
        {
            var file = JsonSerializer.Deserialize<KeyFile>(File.ReadAllBytes(path))
                ?? throw new TextKeyException($"The key file {path} is empty.");
            if (!masters.TryGetValue(file.Master, out var wrapping))
            {
                throw new TextKeyException(
                    $"The data keys in {Folder} are wrapped by master key {file.Master}, but the master key given is {IdOfMaster(master)}. " +
                    $"Set {Section}:MasterKey to the right key; to rotate, put the old key in {Section}:PreviousMasterKeys.");
            }

            var key = new DataKey(file.Id, file.Owner, Unwrap(file, wrapping, path), file.Created);
            if (!ReferenceEquals(wrapping, master))
            {
                WriteKeyFile(key);
                rewrapped++;
            }

            byId[key.Id] = key;
            if (!byOwner.TryGetValue(key.Owner, out var newest) || newest.Created < key.Created)
            {
                byOwner[key.Owner] = key;
            }
        }

        if (rewrapped > 0)
        {
            logger.LogWarning("Re-wrapped {Count} data key(s) under master key {MasterKeyId}; the previous master key is no longer needed", rewrapped, IdOfMaster(master));
        }

        erasedIds = Directory.GetFiles(Folder, "*" + ErasedFileSuffix).Select(p => Path.GetFileName(p)[..^ErasedFileSuffix.Length]).ToHashSet(StringComparer.Ordinal);
        currentByOwner = byOwner;
        keysById = byId;
    }

    private byte[] MasterFromFolder(int dataKeyCount)
    {
        if (ReadFolderMaster() is { } stored)
        {
            return stored;
        }

        if (dataKeyCount > 0)
        {
            throw new TextKeyException(
                $"The key folder {Folder} holds {dataKeyCount} data key(s) but no master key: set {Section}:MasterKey, or restore {MasterKeyFile} into the folder.");
        }

        // A first start with no configured master key: one is made and kept in the key folder.
        var created = RandomNumberGenerator.GetBytes(32);
        WriteDurably(Path.Combine(Folder, MasterKeyFile), Encoding.ASCII.GetBytes(Convert.ToBase64String(created)));
        logger.LogWarning("Created a master key in {Folder}; set {Setting} to keep it outside the key folder", Folder, $"{Section}:MasterKey");
        return created;
    }

    private byte[]? ReadFolderMaster()
    {
        var path = Path.Combine(Folder, MasterKeyFile);
        return File.Exists(path) ? ParseMaster(File.ReadAllText(path).Trim(), path) : null;
    }

    private static byte[] ParseMaster(string base64, string source)
    {
        try
        {
            var key = Convert.FromBase64String(base64.Trim());
            return key.Length == 32 ? key : throw new TextKeyException($"The master key in {source} must be 32 bytes (base64); it is {key.Length}.");
        }
        catch (FormatException)
        {
            throw new TextKeyException($"The master key in {source} is not base64.");
        }
    }

    // A name for a master key that says nothing about it: the first 8 bytes of a hash of it.
    private static string IdOfMaster(byte[] key) =>
        "m-" + Convert.ToHexStringLower(SHA256.HashData([.. "TrustCheckIn master key"u8, .. key])[..8]);

    private static byte[] AssociatedData(string id, string owner) => Encoding.UTF8.GetBytes($"data-key|{id}|{owner}");

    private static byte[] Unwrap(KeyFile file, byte[] wrapping, string path)
    {
        var wrapped = Convert.FromBase64String(file.Wrapped);
        var key = new byte[32];
        using var aes = new AesGcm(wrapping, 16);
        try
        {
            aes.Decrypt(wrapped.AsSpan(0, 12), wrapped.AsSpan(12, 32), wrapped.AsSpan(44, 16), key, AssociatedData(file.Id, file.Owner));
        }
        catch (Exception e) when (e is AuthenticationTagMismatchException or ArgumentException)
        {
            throw new TextKeyException($"The data key {path} does not open with master key {file.Master}: the master key is wrong or the file was changed.");
        }

        return key;
    }

    private void WriteKeyFile(DataKey key)
    {
        var wrapped = new byte[12 + 32 + 16];
        RandomNumberGenerator.Fill(wrapped.AsSpan(0, 12));
        using (var aes = new AesGcm(master, 16))
        {
            aes.Encrypt(wrapped.AsSpan(0, 12), key.Key, wrapped.AsSpan(12, 32), wrapped.AsSpan(44, 16), AssociatedData(key.Id, key.Owner));
        }

        var file = new KeyFile(key.Id, key.Owner, IdOfMaster(master), Convert.ToBase64String(wrapped), key.Created);
        WriteDurably(Path.Combine(Folder, key.Id + KeyFileSuffix), JsonSerializer.SerializeToUtf8Bytes(file));
    }

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
