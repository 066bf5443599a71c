using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TrustCheckIn.Data;
using TrustCheckIn.Tests.Infrastructure;

namespace TrustCheckIn.Tests.Data;

// SQLite's own settings: PostgreSQL has none of these.
[Trait("Database", "SqliteOnly")]
public sealed class SqliteSettingsTests(TestApp app) : IClassFixture<TestApp>
{
    [Fact]
    public async Task EveryConnectionRunsInWalWithFullSyncSecureDeleteAndABusyTimeout()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        await db.Database.OpenConnectionAsync();

        Assert.Equal("wal", await PragmaAsync(db, "journal_mode"));
        Assert.Equal("2", await PragmaAsync(db, "synchronous"));
        Assert.Equal("1", await PragmaAsync(db, "secure_delete"));
        Assert.Equal("10000", await PragmaAsync(db, "busy_timeout"));
        Assert.True(File.Exists(app.DatabasePath));
    }

    [Fact]
    public async Task ManyConcurrentWritesAllSucceed()
    {
        var users = await Task.WhenAll(Enumerable.Range(0, 24).Select(_ => app.CreateUserAsync()));

        var invitations = await Task.WhenAll(users.Select(u => app.WithServiceAsync<TrustCheckIn.Common.Result<TrustCheckIn.Couples.CoupleService.InvitationView>, TrustCheckIn.Couples.CoupleService>(
            couples => couples.CreateInvitationAsync(u.Id, new TrustCheckIn.Couples.CheckInSchedule("UTC", DayOfWeek.Monday)))));

        Assert.All(invitations, i => Assert.True(i.Succeeded));
    }

    private static async Task<string> PragmaAsync(AppDbContext db, string name)
    {
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = $"PRAGMA {name};";
        return Convert.ToString(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture)!;
    }
}
