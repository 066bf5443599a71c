using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace TrustCheckIn.Data.Encryption;

// The data keys that encrypt people's words: one per person and one per couple, wrapped with AES-GCM by the
// master key and kept by a store: a file each in the key folder, or a row each in the database when several
// instances share it (SharedState). Loaded once, then held in memory; a key this instance has not met (made
// by another instance) is looked up by id or owner on the miss. A singleton shared by every (pooled) AppDbContext.
public sealed class TextKeyRing
{
    public const string Section = "Encryption";
    public const string MasterKeyFile = DataKeyFiles.MasterKeyFile;
    private const int CiphersPerThread = 64;

    private readonly Lock gate = new();
    private readonly ILogger<TextKeyRing> logger;
    private readonly byte[]? configuredMaster;
    private readonly List<byte[]> previousMasters;
    private readonly TimeProvider time;
    private readonly IDataKeyStore store;
    private Dictionary<string, HeldKey>? keysById;
    private Dictionary<string, HeldKey> currentByOwner = new(StringComparer.Ordinal);
    private HashSet<string> erasedIds = new(StringComparer.Ordinal);
    private Dictionary<string, byte[]> masters = new(StringComparer.Ordinal);
    private byte[] master = [];

    // Keys in the key folder.
    public TextKeyRing(IConfiguration configuration, DataFolder dataFolder, TimeProvider time, ILogger<TextKeyRing> logger)
        : this(new DataKeyFiles(FolderOf(configuration, dataFolder), logger), configuration, dataFolder, time, logger)
    {
    }

    public TextKeyRing(IDataKeyStore store, IConfiguration configuration, DataFolder dataFolder, TimeProvider time, ILogger<TextKeyRing> logger)
    {
        this.store = store;
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

    // The key folder, used unless keys are shared.
    public string Folder { get; }

    public string MasterKeyId { get { EnsureLoaded(); return IdOfMaster(master); } }

    private sealed record HeldKey(string Id, string Owner, byte[] Key, DateTime Created);

    public static TextKeyRing For(IServiceProvider services)
    {
        var configuration = services.GetRequiredService<IConfiguration>();
        var (dataFolder, time, logger) = (services.GetRequiredService<DataFolder>(), services.GetRequiredService<TimeProvider>(), services.GetRequiredService<ILogger<TextKeyRing>>());
        return SharedState.KeysInDatabase(configuration)
            ? new TextKeyRing(new DataKeyTable(services.GetRequiredService<IServiceScopeFactory>()), configuration, dataFolder, time, logger)
            : new TextKeyRing(configuration, dataFolder, time, logger);
    }

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

    // saving: the context whose words these are, so a key kept in the database is saved with them.
    public string Seal(string plain, string owner, DbContext? saving = null)
    {
        EnsureLoaded();
        var key = KeyFor(owner, saving);
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
        if (keysById!.TryGetValue(id, out var key) || (Fetch(id) && keysById.TryGetValue(id, out key)))
        {
            return SealedText.Open(stored, CipherFor(key));
        }

        return erasedIds.Contains(id) ? SealedText.Erased : throw MissingKey(id);
    }

    public bool IsKnown(string keyId)
    {
        EnsureLoaded();
        return keysById!.ContainsKey(keyId) || erasedIds.Contains(keyId) || Fetch(keyId);
    }

    public TextKeyException MissingKey(string keyId) =>
        new($"Data key {keyId} is not in {store.Place}. Restore it from the backup made with the database.");

    // A miss: one indexed look-up by id, for a key another instance made or erased since this one loaded.
    private bool Fetch(string id)
    {
        lock (gate)
        {
            if (keysById!.ContainsKey(id) || erasedIds.Contains(id))
            {
                return true;
            }

            var (found, erased) = store.Find(id);
            if (erased)
            {
                erasedIds = [.. erasedIds, id];
                return true;
            }

            if (found is null)
            {
                return false;
            }

            Hold(Opened(found), IsNewest(found));
            return true;
        }
    }

    private bool IsNewest(WrappedKey found) => !currentByOwner.TryGetValue(found.Owner, out var current) || current.Created < found.Created;

    private void Hold(HeldKey key, bool current)
    {
        keysById = new Dictionary<string, HeldKey>(keysById!, StringComparer.Ordinal) { [key.Id] = key };
        if (current)
        {
            currentByOwner = new Dictionary<string, HeldKey>(currentByOwner, StringComparer.Ordinal) { [key.Owner] = key };
        }
    }

    private HeldKey Opened(WrappedKey wrapped) =>
        masters.TryGetValue(wrapped.Master, out var wrapping)
            ? new HeldKey(wrapped.Id, wrapped.Owner, Unwrap(wrapped, wrapping), wrapped.Created)
            : throw WrongMaster(wrapped.Master);

    private TextKeyException WrongMaster(string wrappedBy) => new(
        $"The data keys in {store.Place} are wrapped by master key {wrappedBy}, but the master key given is {IdOfMaster(master)}. " +
        $"Set {Section}:MasterKey to the right key; to rotate, put the old key in {Section}:PreviousMasterKeys.");

    // Crypto-shredding: the store erases the key (overwritten and removed) and keeps a marker that it was erased
    // on purpose, so an older database copy shows "erased" for these words instead of failing as if a key were lost.
    public int Destroy(string owner)
    {
        EnsureLoaded();
        lock (gate)
        {
            var held = keysById!.Values.Where(k => k.Owner == owner).ToList();
            var erased = store.Erase(owner, held.Select(k => k.Id).ToList(), time.GetUtcNow().UtcDateTime);
            foreach (var key in held)
            {
                CryptographicOperations.ZeroMemory(key.Key);
            }

            var ids = held.Select(k => k.Id).Concat(erased).ToHashSet(StringComparer.Ordinal);
            keysById = keysById.Where(k => !ids.Contains(k.Key)).ToDictionary(StringComparer.Ordinal);
            currentByOwner = currentByOwner.Where(k => k.Key != owner).ToDictionary(StringComparer.Ordinal);
            erasedIds = [.. erasedIds, .. ids];
            Interlocked.Increment(ref generation);
            if (ids.Count > 0)
            {
                logger.LogInformation("Destroyed {Count} data key(s) of {Owner}", ids.Count, owner);
            }

            return ids.Count;
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

    private static AesGcm CipherFor(HeldKey key)
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

    private HeldKey KeyFor(string owner, DbContext? saving)
    {
        if (currentByOwner.TryGetValue(owner, out var existing))
        {
            store.Using(existing.Id, saving);
            return existing;
        }

        lock (gate)
        {
            if (currentByOwner.TryGetValue(owner, out existing))
            {
                store.Using(existing.Id, saving);
                return existing;
            }

            // Another instance may have made this owner's key already: one indexed look-up, once per owner.
            if (store.NewestOf(owner) is { } stored)
            {
                var found = keysById!.GetValueOrDefault(stored.Id) ?? Opened(stored);
                Hold(found, current: true);
                return found;
            }

            var key = new HeldKey(Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(SealedText.KeyIdLength / 2)), owner, RandomNumberGenerator.GetBytes(32), time.GetUtcNow().UtcDateTime);
            store.Add(Wrapped(key), saving);
            Hold(key, current: true);
            return key;
        }
    }

    private void Load()
    {
        var stored = store.ReadAll();
        master = configuredMaster ?? store.KeptMaster() ?? store.NewMaster(stored.Count);
        var known = new Dictionary<string, byte[]>(StringComparer.Ordinal) { [IdOfMaster(master)] = master };
        foreach (var previous in previousMasters.Append(configuredMaster is null ? null : store.KeptMaster()).OfType<byte[]>())
        {
            known.TryAdd(IdOfMaster(previous), previous);
        }

        masters = known;
        var byId = new Dictionary<string, HeldKey>(StringComparer.Ordinal);
        var byOwner = new Dictionary<string, HeldKey>(StringComparer.Ordinal);
        var rewrapped = 0;
        foreach (var wrapped in stored)
        {
            var key = Opened(wrapped);
            if (wrapped.Master != IdOfMaster(master))
            {
                store.Rewrap(Wrapped(key));
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

        erasedIds = [.. store.ReadErasedIds()];
        currentByOwner = byOwner;
        keysById = byId;
    }

    public static byte[] ParseMaster(string base64, string source)
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

    private byte[] Unwrap(WrappedKey stored, byte[] wrapping)
    {
        var wrapped = Convert.FromBase64String(stored.Wrapped);
        var key = new byte[32];
        using var aes = new AesGcm(wrapping, 16);
        try
        {
            aes.Decrypt(wrapped.AsSpan(0, 12), wrapped.AsSpan(12, 32), wrapped.AsSpan(44, 16), key, AssociatedData(stored.Id, stored.Owner));
        }
        catch (Exception e) when (e is AuthenticationTagMismatchException or ArgumentException)
        {
            throw new TextKeyException($"The data key {stored.Id} in {store.Place} does not open with master key {stored.Master}: the master key is wrong or the key was changed.");
        }

        return key;
    }

    private WrappedKey Wrapped(HeldKey key)
    {
        var wrapped = new byte[12 + 32 + 16];
        RandomNumberGenerator.Fill(wrapped.AsSpan(0, 12));
        using (var aes = new AesGcm(master, 16))
        {
            aes.Encrypt(wrapped.AsSpan(0, 12), key.Key, wrapped.AsSpan(12, 32), wrapped.AsSpan(44, 16), AssociatedData(key.Id, key.Owner));
        }

        return new WrappedKey(key.Id, key.Owner, IdOfMaster(master), Convert.ToBase64String(wrapped), key.Created);
    }
}
