using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.Extensions.DependencyInjection;

namespace TrustCheckIn.Data.Encryption;

// The data keys as rows of the database every instance shares; the master key only ever comes from
// configuration. A new key is written by the context saving the words it encrypts, inside that context's
// transaction: SQLite has one writer, so another connection would wait on it, and rolled back together the
// words never outlive their key. Until a key is known to be committed, each save that uses it writes it again
// (an insert that skips an existing row), so the words always commit with their key.
public sealed class DataKeyTable(IServiceScopeFactory scopes) : IDataKeyStore
{
    private readonly ConcurrentDictionary<string, WrappedKey> uncommitted = new(StringComparer.Ordinal);
    private string? insertSql;

    public string Place => "the database table DataKeys";

    public byte[]? KeptMaster() => null;

    public byte[] NewMaster(int dataKeyCount) =>
        throw new TextKeyException(
            $"{SharedState.Setting} is on, so the data keys are kept in the database and the master key must come from configuration: " +
            $"set {TextKeyRing.Section}:MasterKey, the same on every instance.");

    public IReadOnlyList<WrappedKey> ReadAll() => Read(keys => keys
        .Where(k => k.ErasedAt == null)
        .OrderBy(k => k.Id)
        .Select(k => new WrappedKey(k.Id, k.Owner, k.MasterKeyId, k.Wrapped, k.Created))
        .ToList());

    public IReadOnlySet<string> ReadErasedIds() =>
        Read(keys => keys.Where(k => k.ErasedAt != null).Select(k => k.Id).ToHashSet(StringComparer.Ordinal));

    public (WrappedKey? Key, bool Erased) Find(string id) => Read(keys => keys
        .Where(k => k.Id == id)
        .Select(k => new { Key = new WrappedKey(k.Id, k.Owner, k.MasterKeyId, k.Wrapped, k.Created), Erased = k.ErasedAt != null })
        .AsEnumerable()
        .Select(k => k.Erased ? (null, true) : ((WrappedKey?)k.Key, false))
        .FirstOrDefault());

    public WrappedKey? NewestOf(string owner) => Read(keys => keys
        .Where(k => k.Owner == owner && k.ErasedAt == null)
        .OrderByDescending(k => k.Created)
        .Select(k => new WrappedKey(k.Id, k.Owner, k.MasterKeyId, k.Wrapped, k.Created))
        .FirstOrDefault());

    public void Add(WrappedKey key, DbContext? saving)
    {
        if (saving is null)
        {
            using var scope = scopes.CreateScope();
            Insert(scope.ServiceProvider.GetRequiredService<AppDbContext>(), key);
            return;
        }

        Insert(saving, key);
        if (saving.Database.CurrentTransaction is null)
        {
            uncommitted.TryRemove(key.Id, out _);
        }
        else
        {
            uncommitted[key.Id] = key;
        }
    }

    public void Using(string id, DbContext? saving)
    {
        if (!uncommitted.IsEmpty && uncommitted.TryGetValue(id, out var key))
        {
            Add(key, saving);
        }
    }

    public void Rewrap(WrappedKey key) => Write(db => db.Set<DataKey>()
        .Where(k => k.Id == key.Id)
        .ExecuteUpdate(s => s.SetProperty(k => k.MasterKeyId, key.Master).SetProperty(k => k.Wrapped, key.Wrapped)));

    // The row stays, emptied, as the marker that the words were erased on purpose.
    public IReadOnlyList<string> Erase(string owner, IReadOnlyCollection<string> held, DateTime now)
    {
        foreach (var id in held)
        {
            uncommitted.TryRemove(id, out _);
        }

        return Write(db =>
        {
            var keys = db.Set<DataKey>().Where(k => k.Owner == owner && k.ErasedAt == null);
            var ids = keys.Select(k => k.Id).ToList();
            keys.Where(k => ids.Contains(k.Id)).ExecuteUpdate(s => s.SetProperty(k => k.Wrapped, "").SetProperty(k => k.ErasedAt, now));
            return ids;
        });
    }

    private T Read<T>(Func<IQueryable<DataKey>, T> query)
    {
        using var scope = scopes.CreateScope();
        return query(scope.ServiceProvider.GetRequiredService<AppDbContext>().Set<DataKey>().AsNoTracking());
    }

    private T Write<T>(Func<AppDbContext, T> write)
    {
        using var scope = scopes.CreateScope();
        return write(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    private void Insert(DbContext db, WrappedKey key) =>
        db.Database.ExecuteSqlRaw(insertSql ??= InsertSql(db.Model), key.Id, key.Owner, key.Master, key.Wrapped, key.Created);

    // Names from the model, so the statement fits whichever provider and naming the model has.
    private static string InsertSql(IModel model)
    {
        var entity = model.FindEntityType(typeof(DataKey)) ?? throw new InvalidOperationException("DataKey is not in the model.");
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        string Column(string property) => Quote(entity.FindProperty(property)!.GetColumnName(table)!);
        var name = table.Schema is { } schema ? $"{Quote(schema)}.{Quote(table.Name)}" : Quote(table.Name);
        var id = Column(nameof(DataKey.Id));
        return $"INSERT INTO {name} ({id}, {Column(nameof(DataKey.Owner))}, {Column(nameof(DataKey.MasterKeyId))}, {Column(nameof(DataKey.Wrapped))}, {Column(nameof(DataKey.Created))}) " +
            $"VALUES ({{0}}, {{1}}, {{2}}, {{3}}, {{4}}) ON CONFLICT ({id}) DO NOTHING";
    }

    private static string Quote(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
