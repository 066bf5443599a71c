using System.Collections.Concurrent;
using System.Net;
using Microsoft.Data.Sqlite;
using TrustCheckIn.Tests.Infrastructure;
using Xunit.Abstractions;

namespace TrustCheckIn.Tests.Operations;

[CollectionDefinition(Name)]
public sealed class PublishedAppCollection : ICollectionFixture<PublishedBuild>
{
    public const string Name = "Published app";
}

[Collection(PublishedAppCollection.Name)]
// The SQLite file's durability under kill -9.
[Trait("Database", "SqliteOnly")]
public sealed class PublishedAppKillTests(PublishedBuild build, ITestOutputHelper output) : IDisposable
{
    private const string Host = "trustcheckin.test";
    private const int Kills = 10;
    private readonly string data = Directory.CreateTempSubdirectory("trustcheckin-kill-").FullName;
    private readonly string backups = Directory.CreateTempSubdirectory("trustcheckin-kill-backup-").FullName;
    private readonly ConcurrentDictionary<string, byte> acknowledged = new();

    [Fact]
    public async Task KilledTenTimesDuringWritesItRestartsWithAnIntactDatabaseAndEveryAcknowledgedWrite()
    {
        var port = PublishedBuild.FreePort();
        var settings = PublishedProcess.Settings(data, port, $"https://{Host}");
        var browser = ProxyClient.To(new Uri($"http://127.0.0.1:{port}"), Host);
        using (var first = PublishedProcess.Start(build, settings))
        {
            await first.WaitUntilReadyAsync(port, Host);
            await PublishedProcess.RegisterAndSignInAsync(browser, data);
        }

        // A kill in the middle of start-up, before the app is ready, as a deploy gone wrong would do.
        using (var starting = PublishedProcess.Start(build, settings))
        {
            await Task.Delay(Random.Shared.Next(200, 1500));
            starting.KillHard();
        }

        var backedUpBefore = new HashSet<string>();
        var backup = "";
        for (var round = 0; round < Kills; round++)
        {
            using var app = PublishedProcess.Start(build, settings);
            await app.WaitUntilReadyAsync(port, Host);
            var form = await browser.GetPageAsync("/Journal/New");
            Assert.Equal(HttpStatusCode.OK, form.Response.StatusCode);
            using var stop = new CancellationTokenSource();
            var startedWith = acknowledged.Count;
            var writers = Enumerable.Range(0, 3).Select(w => WriteUntilKilledAsync(browser, form, $"round {round} writer {w}", stop.Token)).ToList();
            if (round == 3)
            {
                // The online backup, from the same build and settings, while the writers keep going.
                await Task.Delay(300);
                backedUpBefore = [.. acknowledged.Keys];
                var (_, said) = PublishedBuild.Run("dotnet", [Path.Combine(build.Folder, "TrustCheckIn.Web.dll"), "backup", "--to", backups], TimeSpan.FromMinutes(2), settings, build.Folder);
                backup = said;
            }

            // However slow the machine, each kill lands among writes: a few acknowledged first, then a random moment.
            var deadline = DateTime.UtcNow.AddMinutes(1);
            while (acknowledged.Count < startedWith + 3 && DateTime.UtcNow < deadline)
            {
                await Task.Delay(20);
            }

            await Task.Delay(Random.Shared.Next(50, 1000));
            app.KillHard();
            await stop.CancelAsync();
            await Task.WhenAll(writers);
        }

        // A last start, then a graceful stop (SIGTERM) while a write is going on.
        using (var last = PublishedProcess.Start(build, settings))
        {
            await last.WaitUntilReadyAsync(port, Host);
            var form = await browser.GetPageAsync("/Journal/New");
            using var stop = new CancellationTokenSource();
            var writer = WriteUntilKilledAsync(browser, form, "before a graceful stop", stop.Token);
            await Task.Delay(500);
            var exitCode = await last.StopGracefullyAsync(TimeSpan.FromSeconds(40));
            await stop.CancelAsync();
            await writer;
            Assert.Equal(0, exitCode);
            Assert.Contains("Database schema version", last.Output, StringComparison.Ordinal);
        }

        output.WriteLine($"{acknowledged.Count} acknowledged writes over {Kills} kills");
        var stored = StoredJournal.Texts(Path.Combine(data, "trustcheckin.db"), Path.Combine(data, "text-keys"));
        var missing = acknowledged.Keys.Where(t => !stored.Contains(t)).ToList();
        var backupFile = Directory.GetFiles(backups, "trustcheckin-*.db").Single(f => !f.Contains("keys", StringComparison.Ordinal));
        var inBackup = StoredJournal.Texts(backupFile, Path.Combine(data, "text-keys"));

        Assert.True(acknowledged.Count >= Kills * 3, $"Only {acknowledged.Count} writes were acknowledged.");
        Assert.Empty(missing);
        Assert.Contains("Keys (store apart from the database)", backup, StringComparison.Ordinal);
        Assert.Single(Directory.GetFiles(backups, "trustcheckin-keys-*.zip"));
        Assert.All(backedUpBefore, t => Assert.Contains(t, inBackup));
    }

    // A write counts as acknowledged once the app has answered the post with the new entry's address.
    private async Task WriteUntilKilledAsync(HttpClient browser, HtmlPage form, string name, CancellationToken stop)
    {
        for (var n = 0; !stop.IsCancellationRequested; n++)
        {
            var text = $"Kill test {name} entry {n} {Guid.NewGuid():N}";
            try
            {
                using var response = await browser.SubmitAsync(form, "#entry-form", new() { ["Input.Text"] = text });
                if (response.RequestMessage!.RequestUri!.AbsolutePath.StartsWith("/Journal/Entry/", StringComparison.Ordinal))
                {
                    acknowledged.TryAdd(text, 0);
                }
                else
                {
                    Assert.Fail($"A write was answered {(int)response.StatusCode} at {response.RequestMessage.RequestUri}.");
                }
            }
            catch (Exception e) when (e is HttpRequestException or IOException or TaskCanceledException)
            {
                // The app went away mid-request: this write was never acknowledged.
                return;
            }
        }
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(data, recursive: true);
        Directory.Delete(backups, recursive: true);
    }
}
