using System.IO.Compression;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using TrustCheckIn.Data;
using TrustCheckIn.Journal;
using TrustCheckIn.Operations;
using TrustCheckIn.Tests.Infrastructure;

namespace TrustCheckIn.Tests.Operations;

// The backup command copies the SQLite file; PostgreSQL is backed up with its own tools.
[Trait("Database", "SqliteOnly")]
public sealed class BackupTests : IDisposable
{
    private readonly string backups = Directory.CreateTempSubdirectory("trustcheckin-backup-").FullName;
    private readonly string restored = Directory.CreateTempSubdirectory("trustcheckin-restored-").FullName;

    [Fact]
    public async Task ABackupTakenDuringWritesRestoresToTheSameDataAndTheSameSessions()
    {
        using var app = new TestApp();
        var (a, _) = await app.CreateCoupleAsync();
        var session = new ProxyClient(new Uri(TestApp.PublicAddress).Host, forwardHttps: false);
        var browser = app.CreateDefaultClient(new Uri(TestApp.PublicAddress), session);
        await browser.SubmitAsync(await browser.GetPageAsync("/Account/Login"), "#login-form", new() { ["Input.Email"] = a.Email, ["Input.Password"] = a.Password });
        await browser.SubmitAsync(await browser.GetPageAsync("/Journal/New"), "#entry-form", new() { ["Input.Text"] = "Written before the backup" });
        var acknowledged = new System.Collections.Concurrent.ConcurrentQueue<string>();
        using var stop = new CancellationTokenSource();
        var writer = Task.Run(async () =>
        {
            for (var n = 0; !stop.IsCancellationRequested; n++)
            {
                var text = $"Written while backing up {n}";
                await app.WithServiceAsync<Common.Result<int>, JournalService>(journal => journal.CreateAsync(a.Id, new(null, text, false)));
                acknowledged.Enqueue(text);
            }
        });
        while (acknowledged.Count < 20)
        {
            await Task.Delay(10);
        }

        var before = acknowledged.ToList();
        var files = await Task.Run(() => DatabaseBackup.Write(app.Services.GetRequiredService<DataFolder>(), app.Services.GetRequiredService<TrustCheckIn.Data.Encryption.TextKeyRing>().Folder, backups, TimeProvider.System));
        await stop.CancelAsync();
        await writer;

        File.Copy(files.Database, Path.Combine(restored, "app.db"));
        ZipFile.ExtractToDirectory(files.Keys, Path.Combine(restored, "keys"));
        ZipFile.ExtractToDirectory(files.TextKeys, Path.Combine(restored, "text-keys"));
        using var restoredApp = new RestartedApp(restored);
        var sameSession = new ProxyClient(new Uri(TestApp.PublicAddress).Host, forwardHttps: false);
        foreach (var (name, value) in session.Cookies)
        {
            sameSession.Cookies[name] = value;
        }

        var journal = await restoredApp.CreateDefaultClient(new Uri(TestApp.PublicAddress), sameSession).GetPageAsync("/Journal?q=before+the+backup");
        var texts = StoredJournal.Texts(Path.Combine(restored, "app.db"), Path.Combine(restored, "text-keys"));

        Assert.Equal("/Journal", journal.Url.AbsolutePath);
        Assert.Contains("Written before the backup", journal.Text, StringComparison.Ordinal);
        Assert.All(before, text => Assert.Contains(text, texts));
        Assert.True(acknowledged.Count > before.Count, "The writes stopped before the backup ran.");
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(files.Keys));
        }
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(backups, recursive: true);
        Directory.Delete(restored, recursive: true);
    }
}
