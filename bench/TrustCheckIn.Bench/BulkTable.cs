using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using TrustCheckIn.Data.Encryption;

namespace TrustCheckIn.Bench;

// One prepared INSERT for an entity, with table, column names and value conversions (enums as strings)
// taken from the app's own EF model, so the seeded rows are exactly what the app would have written:
// a person's words encrypted under their owner's data key, as saving does.
internal sealed class BulkTable : IDisposable
{
    private readonly SqliteCommand command;
    private readonly SqliteParameter[] parameters;
    private readonly IProperty[] properties;
    private readonly (PrivateTexts.Column Column, int Owner)?[] sealing;
    private readonly TextKeyRing? keys;

    // sealWith null leaves the words readable: the database as an app before encryption at rest kept it.
    public BulkTable(DbContext db, SqliteConnection connection, TextKeyRing? sealWith, Type entity, params string[] propertyNames)
    {
        var type = db.Model.FindEntityType(entity) ?? throw new InvalidOperationException($"{entity.Name} is not in the model.");
        var table = StoreObjectIdentifier.Table(type.GetTableName()!, type.GetSchema());
        properties = [.. propertyNames.Select(name => type.FindProperty(name) ?? throw new InvalidOperationException($"{entity.Name}.{name} is not mapped."))];
        command = connection.CreateCommand();
        var columns = string.Join(", ", properties.Select(p => $"\"{p.GetColumnName(table)}\""));
        command.CommandText = $"INSERT INTO \"{table.Name}\" ({columns}) VALUES ({string.Join(", ", properties.Select((_, i) => $"@p{i}"))})";
        parameters = [.. properties.Select((_, i) => command.Parameters.Add(new SqliteParameter($"@p{i}", null)))];
        keys = sealWith;
        var columnsOfEntity = PrivateTexts.Of(entity);
        sealing = [.. propertyNames.Select(name => columnsOfEntity.FirstOrDefault(c => c.Property == name) is { } column
            ? ((PrivateTexts.Column, int)?)(column, Array.IndexOf(propertyNames, column.OwnerProperty) is >= 0 and var owner ? owner : throw new InvalidOperationException($"{entity.Name}.{name} needs {column.OwnerProperty} in the same insert."))
            : null)];
    }

    public SqliteTransaction? Transaction
    {
        set => command.Transaction = value;
    }

    public void Insert(params object?[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            var converter = properties[i].GetTypeMapping().Converter;
            parameters[i].Value = values[i] switch
            {
                null => DBNull.Value,
                string { Length: > 0 } words when sealing[i] is var (column, owner) => keys is null ? words : keys.Seal(words, column.OwnerOf(values[owner])),
                var value => converter is null ? value : converter.ConvertToProvider(value)!,
            };
        }

        command.ExecuteNonQuery();
    }

    // For tables with an INTEGER key the new row id is what later rows refer to.
    public long InsertReturningId(params object?[] values)
    {
        Insert(values);
        using var last = command.Connection!.CreateCommand();
        last.Transaction = command.Transaction;
        last.CommandText = "SELECT last_insert_rowid()";
        return (long)last.ExecuteScalar()!;
    }

    public void Dispose() => command.Dispose();
}
