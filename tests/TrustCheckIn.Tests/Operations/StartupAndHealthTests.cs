using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using TrustCheckIn.Tests.Infrastructure;
using TrustCheckIn.Tests.Security;

namespace TrustCheckIn.Tests.Operations;

// An app over a folder the test keeps, with its start-up log lines captured.
public sealed class RestartedApp(string folder) : TestApp(folder)
{
    public CapturingLoggerProvider Logs { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureLogging(logging => logging.AddProvider(Logs).AddFilter("TrustCheckIn", LogLevel.Information));
    }
}

public sealed class StartupAndHealthTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("trustcheckin-restart-").FullName;

    // SQLite's migration lock is a row; PostgreSQL's is an advisory lock that ends with the session.
    [Fact]
    [Trait("Database", "SqliteOnly")]
    public async Task AStaleMigrationLockLeftByAKilledStartDoesNotStopTheNextStart()
    {
        using (var first = new RestartedApp(folder))
        {
            first.CreateClient();
            first.Scalar("INSERT INTO \"__EFMigrationsLock\" (\"Id\", \"Timestamp\") VALUES (1, '2026-11-30 10:00:00+00:00')", writable: true);
        }

        using var second = new RestartedApp(folder);

        var ready = await Task.Run(async () => await second.CreateClient().GetAsync("/healthz/ready")).WaitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal(0L, second.Scalar("SELECT COUNT(*) FROM \"__EFMigrationsLock\""));
        Assert.Contains(second.Logs.Lines, l => l.StartsWith("Warning", StringComparison.Ordinal) && l.Contains("stale migration lock", StringComparison.Ordinal));
        var latest = await second.WithServiceAsync<string, TrustCheckIn.Data.AppDbContext>(db => Task.FromResult(Microsoft.EntityFrameworkCore.RelationalDatabaseFacadeExtensions.GetMigrations(db.Database).Last()));
        Assert.Single(second.Logs.Lines, l => l.StartsWith($"Information TrustCheckIn.Data.DatabaseInitializer: Database schema version {latest} (", StringComparison.Ordinal));
        Assert.DoesNotContain(second.Logs.Lines, l => l.Contains("Applying", StringComparison.Ordinal));
    }

    [Fact]
    public async Task LiveAndReadyAnswerWithoutSigningInAndOverPlainHttp()
    {
        using var app = new RestartedApp(folder);
        var plain = app.CreateClient(new() { BaseAddress = new Uri("http://trustcheckin.test"), AllowAutoRedirect = false });

        var live = await plain.GetAsync("/healthz/live");
        var ready = await plain.GetAsync("/healthz/ready");

        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal("Healthy", await live.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal("Healthy", await ready.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task ReadyIsUnhealthyWhenTheSchemaIsBehindThisBuild()
    {
        using var app = new RestartedApp(folder);
        var client = app.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz/ready")).StatusCode);

        await app.WithDbAsync(db => db.Database.ExecuteSqlRawAsync("DELETE FROM \"__EFMigrationsHistory\""));
        var ready = await client.GetAsync("/healthz/ready");
        var live = await client.GetAsync("/healthz/live");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        Assert.Equal("Unhealthy", await ready.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }
}
