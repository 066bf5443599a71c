using Microsoft.EntityFrameworkCore;

namespace TrustCheckIn.Data.Encryption;

// A data key as kept: its id, owner, the id of the master key that wraps it, the wrapped bytes (base64).
public sealed record WrappedKey(string Id, string Owner, string Master, string Wrapped, DateTime Created);

// Where TextKeyRing keeps the wrapped data keys: a file each in the key folder (DataKeyFiles) or a row each
// in the database (DataKeyTable, when SharedState says keys are shared). The ring holds every rule
// (wrapping, rotation, erasure, refusing a wrong master); a store only keeps and finds.
public interface IDataKeyStore
{
    // For messages: "the key folder /srv/data/text-keys", "the database table DataKeys".
    string Place { get; }

    // A master key kept beside the data keys, when the store may keep one.
    byte[]? KeptMaster();

    // A first start with no master key configured or kept.
    byte[] NewMaster(int dataKeyCount);

    // Every key not erased, in id order.
    IReadOnlyList<WrappedKey> ReadAll();

    IReadOnlySet<string> ReadErasedIds();

    // On a miss: a key another instance made (or erased) since this one loaded.
    (WrappedKey? Key, bool Erased) Find(string id);

    // On a miss for an owner: the newest key another instance made for it.
    WrappedKey? NewestOf(string owner);

    // saving: the context whose words the new key encrypts (null outside a save).
    void Add(WrappedKey key, DbContext? saving);

    // Called before each use of a key for new words, so a store can make sure the key is kept with them.
    void Using(string id, DbContext? saving);

    void Rewrap(WrappedKey key);

    // Erases the owner's keys; held are the ones this instance has. Answers the ids erased.
    IReadOnlyList<string> Erase(string owner, IReadOnlyCollection<string> held, DateTime now);
}
