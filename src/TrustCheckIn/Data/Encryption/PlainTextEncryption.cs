using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.Extensions.Logging;

namespace TrustCheckIn.Data.Encryption;

// Runs in the deploy step (every start by default, or `migrate`), before the app serves anything: encrypts in place any words still stored in the
// clear (a database from before encryption), all in one transaction, so the file is never half converted, and records
// that it did (DeployStep), because every word written since goes through PrivateTextSealing; then checks the key ids of
// each column's newest rows against the key folder. Neither reads every row on later starts: a start costs the same
// with ten couples as with ten thousand.
public static class PlainTextEncryption
{
    public const string WordsSealed = "WordsSealed";

    // A key folder from another installation, or restored from a backup older than the database, fails the newest rows
    // already; a single key lost for an older row is reported when that row is opened (TextKeyRing.Open).
    public const int KeyCheckRows = 1000;

    // A sealed value, structurally: the prefix, 32 lowercase hex digits, a colon. Both tests are case-sensitive:
    // GLOB on SQLite, a POSIX regular expression on PostgreSQL.
    private static readonly string SqliteSealedPattern = SealedText.Prefix + string.Concat(Enumerable.Repeat("[0-9a-f]", SealedText.KeyIdLength)) + ":*";
    private static readonly string PostgresSealedPattern = "^" + System.Text.RegularExpressions.Regex.Escape(SealedText.Prefix) + "[0-9a-f]{" + SealedText.KeyIdLength + "}:";

    public sealed record Outcome(int Encrypted, int KeysInUse);

    // Whether this database's words are known to be sealed: the pass below has run, or every word was written sealed.
    public static Task<bool> IsSealedAsync(AppDbContext db, CancellationToken ct = default) =>
        db.DeploySteps.AnyAsync(s => s.Name == WordsSealed, ct);

    // Saved with the caller's next SaveChanges.
    public static void RecordSealed(AppDbContext db, DateTime at) => db.DeploySteps.Add(new DeployStep(WordsSealed, at));

    public static async Task<Outcome> RunAsync(AppDbContext db, TextKeyRing keys, TimeProvider time, ILogger logger, CancellationToken ct = default)
    {
        keys.EnsureLoaded();
        var columns = PrivateTexts.Columns.Select(c => Locate(db.Model, c)).ToList();
        var sqlite = db.Database.IsSqlite();
        var sealedTest = SealedTestFor(db);
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            var encrypted = 0;
            // Through the context, so a key kept in the database is written in this transaction too.
            await using (var transaction = await db.Database.BeginTransactionAsync(ct))
            {
                if (!await IsSealedAsync(db, ct))
                {
                    foreach (var column in columns)
                    {
                        encrypted += await EncryptColumnAsync(db, transaction.GetDbTransaction(), column, sealedTest, keys, ct);
                    }

                    RecordSealed(db, time.GetUtcNow().UtcDateTime);
                    await db.SaveChangesAsync(ct);
                }

                await transaction.CommitAsync(ct);
            }

            var inUse = await CheckKeysInUseAsync(connection, columns, sealedTest, keys, ct);
            if (encrypted > 0)
            {
                if (sqlite)
                {
                    // The plain words were in the write-ahead log until now.
                    await using var checkpoint = connection.CreateCommand();
                    checkpoint.CommandText = SqlitePragmas.Checkpoint;
                    await checkpoint.ExecuteNonQueryAsync(ct);
                }

                logger.LogWarning("Encrypted {Count} stored text(s) that were in the clear", encrypted);
            }

            return new Outcome(encrypted, inUse);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    // Only the check, writing nothing: for a start that leaves the conversion to the deploy step (Database:MigrateOnStart false).
    public static async Task<int> CheckKeysAsync(AppDbContext db, TextKeyRing keys, CancellationToken ct = default)
    {
        keys.EnsureLoaded();
        var columns = PrivateTexts.Columns.Select(c => Locate(db.Model, c)).ToList();
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            return await CheckKeysInUseAsync(db.Database.GetDbConnection(), columns, SealedTestFor(db), keys, ct);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private static async Task<int> CheckKeysInUseAsync(DbConnection connection, List<Located> columns, SealedTest sealedTest, TextKeyRing keys, CancellationToken ct)
    {
        var inUse = new HashSet<string>(StringComparer.Ordinal);
        foreach (var column in columns)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT DISTINCT substr({column.Value}, {SealedText.Prefix.Length + 1}, {SealedText.KeyIdLength}) FROM "
                + $"(SELECT {column.Value} FROM {column.Table} ORDER BY {column.Key} DESC LIMIT {KeyCheckRows}) AS newest WHERE {column.Value} {sealedTest.Operator} @pattern";
            command.Parameters.Add(Parameter(command, "@pattern", sealedTest.Pattern));
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                inUse.Add(reader.GetString(0));
            }
        }

        if (inUse.FirstOrDefault(id => !keys.IsKnown(id)) is { } missing)
        {
            throw keys.MissingKey(missing);
        }

        return inUse.Count;
    }

    private sealed record SealedTest(string Operator, string Pattern);

    private static SealedTest SealedTestFor(AppDbContext db) => db.Database.IsSqlite()
        ? new SealedTest("GLOB", SqliteSealedPattern)
        : new SealedTest("~", PostgresSealedPattern);

    private sealed record Located(PrivateTexts.Column Column, string Table, string Key, string Owner, string Value);

    private static Located Locate(IModel model, PrivateTexts.Column column)
    {
        var entity = model.FindEntityType(column.Entity) ?? throw new InvalidOperationException($"{column.Entity.Name} is not in the model.");
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        string Name(string property) => Quote(entity.FindProperty(property)!.GetColumnName(table)!);
        return new Located(column, Quote(table.Name), Name(entity.FindPrimaryKey()!.Properties.Single().Name), Name(column.OwnerProperty), Name(column.Property));
    }

    private static async Task<int> EncryptColumnAsync(AppDbContext db, DbTransaction transaction, Located column, SealedTest sealedTest, TextKeyRing keys, CancellationToken ct)
    {
        var connection = transaction.Connection!;
        var plain = new List<(object Key, object? Owner, string Text)>();
        await using (var select = connection.CreateCommand())
        {
            select.Transaction = transaction;
            select.CommandText = $"SELECT {column.Key}, {column.Owner}, {column.Value} FROM {column.Table} WHERE {column.Value} IS NOT NULL AND {column.Value} <> '' AND NOT ({column.Value} {sealedTest.Operator} @pattern)";
            select.Parameters.Add(Parameter(select, "@pattern", sealedTest.Pattern));
            await using var reader = await select.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                plain.Add((reader.GetValue(0), reader.IsDBNull(1) ? null : reader.GetValue(1), reader.GetString(2)));
            }
        }

        foreach (var (key, owner, text) in plain)
        {
            await using var update = connection.CreateCommand();
            update.Transaction = transaction;
            update.CommandText = $"UPDATE {column.Table} SET {column.Value} = @sealed WHERE {column.Key} = @key";
            var ownerValue = column.Column.OwnedByCouple ? Convert.ToInt32(owner, System.Globalization.CultureInfo.InvariantCulture) : owner;
            update.Parameters.Add(Parameter(update, "@sealed", keys.Seal(text, column.Column.OwnerOf(ownerValue), db)));
            update.Parameters.Add(Parameter(update, "@key", key));
            await update.ExecuteNonQueryAsync(ct);
        }

        return plain.Count;
    }

    private static DbParameter Parameter(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        return parameter;
    }

    private static string Quote(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
