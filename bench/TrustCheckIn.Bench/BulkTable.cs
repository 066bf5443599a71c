using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace TrustCheckIn.Bench;

// One prepared INSERT for an entity, with table, column names and value conversions (enums as strings)
// taken from the app's own EF model, so the seeded rows are exactly what the app would have written.
internal sealed class BulkTable : IDisposable
{
    private readonly SqliteCommand command;
    private readonly SqliteParameter[] parameters;
    private readonly IProperty[] properties;

    public BulkTable(DbContext db, SqliteConnection connection, Type entity, params string[] propertyNames)
    {
        var type = db.Model.FindEntityType(entity) ?? throw new InvalidOperationException($"{entity.Name} is not in the model.");
        var table = StoreObjectIdentifier.Table(type.GetTableName()!, type.GetSchema());
        properties = [.. propertyNames.Select(name => type.FindProperty(name) ?? throw new InvalidOperationException($"{entity.Name}.{name} is not mapped."))];
        command = connection.CreateCommand();
        var columns = string.Join(", ", properties.Select(p => $"\"{p.GetColumnName(table)}\""));
        command.CommandText = $"INSERT INTO \"{table.Name}\" ({columns}) VALUES ({string.Join(", ", properties.Select((_, i) => $"@p{i}"))})";
        parameters = [.. properties.Select((_, i) => command.Parameters.Add(new SqliteParameter($"@p{i}", null)))];
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
            parameters[i].Value = values[i] is { } value ? (converter is null ? value : converter.ConvertToProvider(value)!) : DBNull.Value;
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
