using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using TrustCheckIn.Accounts;
using TrustCheckIn.CheckIns;
using TrustCheckIn.Data;
using TrustCheckIn.Data.Encryption;
using TrustCheckIn.Journal;
using TrustCheckIn.Tests.Infrastructure;
using TrustCheckIn.Tests.Security;

namespace TrustCheckIn.Tests.Data;

// An app over a folder that outlives it, so a test can stop it, change the database or the keys, and start again.
public sealed class AppOnFolder(string folder) : TestApp(folder)
{
    public static string NewFolder() => Directory.CreateTempSubdirectory("trustcheckin-keys-test-").FullName;

    public static AppOnFolder Start(string folder, params (string Key, string Value)[] settings)
    {
        var app = new AppOnFolder(folder);
        foreach (var (key, value) in settings)
        {
            app.WithSetting(key, value);
        }

        try
        {
            _ = app.Services;
            return app;
        }
        catch
        {
            app.Dispose();
            throw;
        }
    }

    // Every stored private text as it lies in the file, by table, column and row.
    public async Task<Dictionary<string, string>> RawTextsAsync() => await WithDbAsync(async db =>
    {
        var found = new Dictionary<string, string>(StringComparer.Ordinal);
        await db.Database.OpenConnectionAsync();
        foreach (var column in PrivateTexts.Columns)
        {
            var entity = db.Model.FindEntityType(column.Entity)!;
            var table = entity.GetTableName()!;
            var name = entity.FindProperty(column.Property)!.GetColumnName();
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.CommandText = $"SELECT \"Id\", \"{name}\" FROM \"{table}\" WHERE \"{name}\" IS NOT NULL AND \"{name}\" <> ''";
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                found[$"{table}.{name}#{reader.GetInt32(0)}"] = reader.GetString(1);
            }
        }

        return found;
    });

    public Task CheckpointAsync() => WithDbAsync(db => db.Database.ExecuteSqlRawAsync("PRAGMA wal_checkpoint(TRUNCATE);"));
}

public sealed class EncryptionAtRestTests
{
    [Fact]
    [Trait("Database", "SqliteOnly")]
    public async Task EveryKindOfTextReachesTheDatabaseFileAndItsLogOnlyEncryptedAndPagesStillShowIt()
    {
        using var app = new TestApp();
        var s = await HostileSetup.BuildAsync(app, sharedStatements: 1);
        var fields = s.CheckInAndExpectationFields().Concat(s.FeelingAndJournalFields()).ToList();
        var canaries = new List<string>();
        var notShown = new List<string>();

        foreach (var field in fields)
        {
            // Letters only, short enough for every field (the feeling's own word takes up to 40 letters).
            var canary = "AtRest" + new string(Guid.NewGuid().ToString("N")[..16].Select(c => (char)('g' + Convert.ToInt32(c.ToString(), 16))).ToArray());
            canaries.Add(canary);
            var page = await HostileInput.SubmitAsync(field, await field.Browser.GetPageAsync(field.FormUrl(0)), 0, canary);
            var views = field.Views is null ? [] : await field.Views();
            if (!page.Text.Contains(canary, StringComparison.Ordinal) && !views.Any(v => v.Body.Contains(canary, StringComparison.Ordinal)))
            {
                notShown.Add(field.Name);
            }
        }

        var walBeforeCheckpoint = canaries.Where(c => StoredFiles.FileContains(app.DatabasePath + "-wal", c)).ToList();
        await app.WithDbAsync(db => db.Database.ExecuteSqlRawAsync("PRAGMA wal_checkpoint(TRUNCATE);"));
        var inFile = canaries.Where(c => StoredFiles.FileContains(app.DatabasePath, c) || StoredFiles.FileContains(app.DatabasePath + "-wal", c)).ToList();
        var export = await (await s.AsA.GetAsync("/Account/Manage/PersonalData?handler=Download")).Content.ReadAsStringAsync();

        Assert.Equal(16, fields.Count);
        Assert.Empty(notShown);
        Assert.Empty(walBeforeCheckpoint);
        Assert.Empty(inFile);
        Assert.All(canaries, c => Assert.Contains(c, export, StringComparison.Ordinal));
    }

    [Fact]
    [Trait("Database", "SqliteOnly")]
    public async Task ACopyMadeBeforeErasureRestoredWithTheCurrentKeysNoLongerRevealsTheErasedPersonsOwnWords()
    {
        var folder = AppOnFolder.NewFolder();
        var copy = Path.Combine(folder, "before-erasure.db");
        string aWrote, bWrote, jointRow;
        string aId, bId;
        using (var app = AppOnFolder.Start(folder))
        {
            var (a, b) = await app.CreateCoupleAsync();
            (aId, bId) = (a.Id, b.Id);
            aWrote = $"OnlyA{Guid.NewGuid():N}";
            bWrote = $"OnlyB{Guid.NewGuid():N}";
            jointRow = $"Joint{Guid.NewGuid():N}";
            await WriteOwnWordsAsync(app, a.Id, aWrote);
            await WriteOwnWordsAsync(app, b.Id, bWrote);
            await app.WithServiceAsync<int, TrustCheckIn.Expectations.ExpectationService>(async e =>
                (await e.AddAsync(a.Id, new(jointRow, "together", TrustCheckIn.Expectations.ExpectationFrequency.Weekly, null))).Value);
            await app.CheckpointAsync();
            File.Copy(app.DatabasePath, copy);

            await app.WithServiceAsync<bool, PersonalDataService>(async p => { await p.EraseAsync(a.Id); return true; });
        }

        var copyRevealsA = StoredFiles.FileContains(copy, aWrote);
        // Restored: the old copy as the database, beside the key folder as it is now.
        using var restored = AppOnFolder.Start(folder, ("ConnectionStrings:Default", $"Data Source={copy}"));
        var journal = await restored.WithDbAsync(db => db.JournalEntries.AsNoTracking().Select(e => new { e.AuthorId, e.Text }).ToListAsync());
        var checkIns = await restored.WithDbAsync(db => db.CheckIns.AsNoTracking().Select(c => new { c.AuthorId, c.WentWell }).ToListAsync());
        var joint = await restored.WithDbAsync(db => db.Expectations.AsNoTracking().Select(e => e.Need).ToListAsync());

        Assert.False(copyRevealsA);
        Assert.Equal(SealedText.Erased, journal.Single(e => e.AuthorId == aId).Text);
        Assert.Equal(SealedText.Erased, checkIns.Single(c => c.AuthorId == aId).WentWell);
        Assert.Equal(bWrote, journal.Single(e => e.AuthorId == bId).Text);
        Assert.Equal(bWrote, checkIns.Single(c => c.AuthorId == bId).WentWell);
        Assert.Contains(jointRow, joint);
        Directory.Delete(folder, recursive: true);
    }

    [Fact]
    public async Task TheCouplesKeyGoesOnlyWhenBothPartnersHaveErased()
    {
        using var app = new TestApp();
        var (a, b) = await app.CreateCoupleAsync();
        var joint = $"Joint{Guid.NewGuid():N}";
        var row = await app.WithServiceAsync<int, TrustCheckIn.Expectations.ExpectationService>(async e =>
            (await e.AddAsync(a.Id, new(joint, "together", TrustCheckIn.Expectations.ExpectationFrequency.Weekly, null))).Value);
        Task<string> NeedAsync() => app.WithDbAsync(db => db.Expectations.AsNoTracking().Where(e => e.Id == row).Select(e => e.Need).SingleAsync());

        await app.WithServiceAsync<bool, PersonalDataService>(async p => { await p.EraseAsync(a.Id); return true; });
        var afterOne = await NeedAsync();
        await app.WithServiceAsync<bool, PersonalDataService>(async p => { await p.EraseAsync(b.Id); return true; });
        var afterBoth = await NeedAsync();

        Assert.Equal(joint, afterOne);
        Assert.Equal(SealedText.Erased, afterBoth);
    }

    [Fact]
    public async Task AWrongMasterKeyStopsTheAppAtStartWithAClearMessage()
    {
        var folder = AppOnFolder.NewFolder();
        using (var app = AppOnFolder.Start(folder, ("Encryption:MasterKey", TextKeyRing.NewMasterKey())))
        {
            var (a, _) = await app.CreateCoupleAsync();
            await WriteOwnWordsAsync(app, a.Id, "words under the first key");
        }

        var error = Assert.ThrowsAny<Exception>(() => AppOnFolder.Start(folder, ("Encryption:MasterKey", TextKeyRing.NewMasterKey())));

        var messages = string.Join(" | ", Chain(error).Select(e => e.Message));
        Assert.Contains("wrapped by master key", messages, StringComparison.Ordinal);
        Assert.Contains("Encryption:MasterKey", messages, StringComparison.Ordinal);
        Directory.Delete(folder, recursive: true);
    }

    [Fact]
    public async Task RotatingTheMasterKeyKeepsEveryEntryReadableWithoutRewritingIt()
    {
        var folder = AppOnFolder.NewFolder();
        var (first, second) = (TextKeyRing.NewMasterKey(), TextKeyRing.NewMasterKey());
        var words = $"Rotated{Guid.NewGuid():N}";
        Dictionary<string, string> before;
        string authorId;
        using (var app = AppOnFolder.Start(folder, ("Encryption:MasterKey", first)))
        {
            var (a, _) = await app.CreateCoupleAsync();
            authorId = a.Id;
            await WriteOwnWordsAsync(app, a.Id, words);
            before = await app.RawTextsAsync();
        }

        using (var rotating = AppOnFolder.Start(folder, ("Encryption:MasterKey", second), ("Encryption:PreviousMasterKeys:0", first)))
        {
            Assert.Equal(words, await JournalTextAsync(rotating, authorId));
        }

        using var rotated = AppOnFolder.Start(folder, ("Encryption:MasterKey", second));

        Assert.Equal(words, await JournalTextAsync(rotated, authorId));
        Assert.Equal(before, await rotated.RawTextsAsync());
        Assert.Contains(Chain(Assert.ThrowsAny<Exception>(() => AppOnFolder.Start(folder, ("Encryption:MasterKey", first)))), e => e is TextKeyException);
        Directory.Delete(folder, recursive: true);
    }

    [Fact]
    [Trait("Database", "SqliteOnly")]
    public async Task ADatabaseWithPlainTextIsEncryptedInPlaceAtStartOnceAndStaysReadable()
    {
        var folder = AppOnFolder.NewFolder();
        SecurityWorld world;
        using (var app = AppOnFolder.Start(folder))
        {
            world = await SecurityWorld.BuildAsync(app, signIn: false);
            // As a database from before encryption: every private text back in the clear, and no record of sealing them.
            var keys = app.Services.GetRequiredService<TextKeyRing>();
            await app.WithDbAsync(async db =>
            {
                await db.DeploySteps.Where(s => s.Name == PlainTextEncryption.WordsSealed).ExecuteDeleteAsync();
                foreach (var (cell, stored) in await app.RawTextsAsync())
                {
                    var (table, column, id) = Split(cell);
                    var update = $"UPDATE \"{table}\" SET \"{column}\" = {{0}} WHERE \"Id\" = {{1}}";
                    await db.Database.ExecuteSqlRawAsync(update, keys.Open(stored), id);
                }

                return await db.Database.ExecuteSqlRawAsync("PRAGMA wal_checkpoint(TRUNCATE);");
            });
            Assert.All(world.Canaries, c => Assert.True(StoredFiles.FileContains(app.DatabasePath, c.Text), c.Name));
        }

        Dictionary<string, string> converted;
        using (var app = AppOnFolder.Start(folder))
        {
            converted = await app.RawTextsAsync();
            await app.CheckpointAsync();
            Assert.All(converted.Values, v => Assert.True(SealedText.LooksSealed(v), v));
            Assert.All(world.Canaries, c => Assert.False(StoredFiles.FileContains(app.DatabasePath, c.Text), c.Name));
            var journal = await app.WithDbAsync(db => db.JournalEntries.AsNoTracking().Select(e => e.Text).ToListAsync());
            Assert.Contains(journal, t => t.Contains(world["JournalPrivateA"].Text, StringComparison.Ordinal));
        }

        using var again = AppOnFolder.Start(folder);
        var second = await again.WithDbAsync(db => PlainTextEncryption.RunAsync(db, again.Services.GetRequiredService<TextKeyRing>(), TimeProvider.System, NullLogger.Instance));

        Assert.Equal(converted, await again.RawTextsAsync());
        Assert.Equal(0, second.Encrypted);
        Directory.Delete(folder, recursive: true);
    }

    [Fact]
    public void EveryStringColumnIsEitherAPersonsWordsOrSaysWhyNot()
    {
        using var app = new TestApp();
        var model = app.Services.CreateScope().ServiceProvider.GetRequiredService<AppDbContext>().Model;
        var ours = model.GetEntityTypes().Where(t => t.ClrType.Namespace?.StartsWith("TrustCheckIn", StringComparison.Ordinal) == true);
        var words = PrivateTexts.Columns.Select(c => $"{c.Entity.Name}.{c.Property}").ToHashSet(StringComparer.Ordinal);

        // Identity's own columns (e-mail, hashes, stamps) are Identity's; the columns our classes declare are ours to explain.
        var unexplained = ours
            .SelectMany(t => t.GetProperties().Where(p => p.ClrType == typeof(string) && p.PropertyInfo?.DeclaringType == t.ClrType).Select(p => $"{t.ClrType.Name}.{p.Name}"))
            .Where(name => !words.Contains(name) && !PrivateTexts.NotWords.ContainsKey(name) && !name.EndsWith("Id", StringComparison.Ordinal))
            .ToList();

        Assert.Empty(unexplained);
    }

    private static async Task WriteOwnWordsAsync(TestApp app, string userId, string words)
    {
        await app.WithServiceAsync<int, JournalService>(async j => (await j.CreateAsync(userId, new(null, words, false))).Value);
        await app.WithServiceAsync<bool, CheckInService>(async c =>
        {
            var week = (await c.GetThisWeekAsync(userId))!.Week;
            return (await c.SubmitAsync(userId, week.Key, new CheckInAnswers(new Ratings(3, 3, 3, 3, 3), words, null, null))).Succeeded;
        });
    }

    private static Task<string> JournalTextAsync(TestApp app, string authorId) =>
        app.WithDbAsync(db => db.JournalEntries.AsNoTracking().Where(e => e.AuthorId == authorId).Select(e => e.Text).SingleAsync());

    private static (string Table, string Column, int Id) Split(string cell)
    {
        var dot = cell.IndexOf('.', StringComparison.Ordinal);
        var hash = cell.LastIndexOf('#');
        return (cell[..dot], cell[(dot + 1)..hash], int.Parse(cell[(hash + 1)..], System.Globalization.CultureInfo.InvariantCulture));
    }

    private static IEnumerable<Exception> Chain(Exception error)
    {
        for (Exception? e = error; e is not null; e = e.InnerException)
        {
            yield return e;
        }
    }
}
