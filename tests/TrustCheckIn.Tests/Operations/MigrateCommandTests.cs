using System.Net;
using Microsoft.Data.Sqlite;
using TrustCheckIn.Data;
using TrustCheckIn.Tests.Infrastructure;
using TrustCheckIn.Web.Operations;

namespace TrustCheckIn.Tests.Operations;

// The deploy step for several instances: `migrate` once, every instance started with Database:MigrateOnStart false.
public sealed class MigrateCommandTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("trustcheckin-migrate-").FullName;

    [Fact]
    public async Task WithoutMigrateOnStartAnEmptyDatabaseIsNotReadyUntilMigrateHasRunThenAPersonCanRegisterAndSignIn()
    {
        using var app = new RestartedApp(folder);
        app.WithSetting(DatabaseInitializer.MigrateOnStartSetting, "false");
        var client = app.CreateBrowser();
        var before = await client.GetAsync("/healthz/ready");
        var live = await client.GetAsync("/healthz/live");

        var (exitCode, said) = await MigrateAsync(app);
        var after = await client.GetAsync("/healthz/ready");
        var email = $"{Guid.NewGuid():N}@example.test";
        await client.SubmitAsync(await client.GetPageAsync("/Account/Register"), "#register-form", new()
        {
            ["Input.DisplayName"] = "Sam", ["Input.Email"] = email, ["Input.Password"] = TestApp.Password, ["Input.ConfirmPassword"] = TestApp.Password,
        });
        var link = new Uri(TestApp.LinkIn(app.MailTo(email).Single(), "/Account/ConfirmEmail"));
        await client.SubmitAsync(await client.GetPageAsync(link.PathAndQuery), "#confirm-email-form");
        var home = await client.SubmitAsync(await client.GetPageAsync("/Account/Login"), "#login-form", new() { ["Input.Email"] = email, ["Input.Password"] = TestApp.Password });

        Assert.Equal(HttpStatusCode.ServiceUnavailable, before.StatusCode);
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Contains(app.Logs.Lines, l => l.StartsWith("Warning", StringComparison.Ordinal) && l.Contains("behind this build", StringComparison.Ordinal));
        Assert.Equal(0, exitCode);
        Assert.Contains("Applied ", said, StringComparison.Ordinal);
        Assert.Contains("Created role(s): Partner, Therapist, Administrator", said, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        Assert.Equal("/", home.RequestMessage!.RequestUri!.AbsolutePath);
    }

    [Fact]
    public async Task OnACurrentDatabaseMigrateAppliesNothingAndExitsZero()
    {
        using var app = new RestartedApp(folder);
        app.CreateClient();
        var history = app.Scalar("SELECT COUNT(*) FROM \"__EFMigrationsHistory\"");

        var (exitCode, said) = await MigrateAsync(app);

        Assert.Equal(0, exitCode);
        Assert.Contains("No migrations to apply.", said, StringComparison.Ordinal);
        Assert.DoesNotContain("Created role", said, StringComparison.Ordinal);
        Assert.Contains($"({history} migrations applied)", said, StringComparison.Ordinal);
        Assert.Equal(history, app.Scalar("SELECT COUNT(*) FROM \"__EFMigrationsHistory\""));
    }

    [Fact]
    public async Task AFailureExitsOneWithTheReason()
    {
        using var output = new StringWriter();
        using var errors = new StringWriter();
        var nowhere = Path.Combine(folder, "no-such-folder", "app.db");

        var exitCode = await MigrateCommand.RunAsync(["migrate", "--environment", "Testing", "--DataFolder", folder, $"--ConnectionStrings:Default=Data Source={nowhere}"], output, errors);

        Assert.Equal(1, exitCode);
        Assert.StartsWith("Migrate failed: ", errors.ToString(), StringComparison.Ordinal);
        Assert.False(File.Exists(nowhere));
    }

    [Theory]
    [InlineData("now")]
    [InlineData("--help")]
    [InlineData("--DataFolder")]
    public async Task BadUsageExitsTwoAndTouchesNothing(string argument)
    {
        using var output = new StringWriter();
        using var errors = new StringWriter();

        var exitCode = await MigrateCommand.RunAsync(["migrate", argument, "--DataFolder", folder], output, errors);

        Assert.Equal(2, exitCode);
        Assert.StartsWith("Usage: dotnet TrustCheckIn.Web.dll migrate", errors.ToString(), StringComparison.Ordinal);
        Assert.Empty(Directory.GetFileSystemEntries(folder));
    }

    // The app's own settings, given as the command's --Key value arguments.
    private static async Task<(int ExitCode, string Said)> MigrateAsync(TestApp app)
    {
        using var output = new StringWriter();
        using var errors = new StringWriter();
        var exitCode = await MigrateCommand.RunAsync(
            ["migrate", "--environment", "Testing", .. app.DatabaseSettings.Select(s => $"--{s.Key}={s.Value}"), "--DataFolder", app.Folder, "--Admin:Email", app.AdminEmail],
            output, errors);
        return (exitCode, output.ToString() + errors);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }
}

// The same deploy, as an operator runs it: the published app started without migrating, then `migrate` beside it.
[Collection(PublishedAppCollection.Name)]
public sealed class PublishedMigrateTests(PublishedBuild build) : IDisposable
{
    private const string Host = "trustcheckin.test";
    private readonly string data = Directory.CreateTempSubdirectory("trustcheckin-migrate-published-").FullName;

    [Fact]
    public async Task ThePublishedAppWaitsForMigrateThenServesAndASecondMigrateAppliesNothing()
    {
        var port = PublishedBuild.FreePort();
        var settings = PublishedProcess.Settings(data, port, $"https://{Host}");
        settings["Database__MigrateOnStart"] = "false";
        var migrate = new[] { Path.Combine(build.Folder, "TrustCheckIn.Web.dll"), MigrateCommand.Name };
        using var app = PublishedProcess.Start(build, settings);

        var before = await app.WaitUntilListeningAsync(port, Host);
        var (_, first) = PublishedBuild.Run("dotnet", migrate, TimeSpan.FromMinutes(2), settings, build.Folder);
        await app.WaitUntilReadyAsync(port, Host);
        await PublishedProcess.RegisterAndSignInAsync(ProxyClient.To(new Uri($"http://127.0.0.1:{port}"), Host), data);
        var (_, second) = PublishedBuild.Run("dotnet", migrate, TimeSpan.FromMinutes(2), settings, build.Folder);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, before);
        Assert.Contains("Applied ", first, StringComparison.Ordinal);
        Assert.Contains("No migrations to apply.", second, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(data, recursive: true);
    }
}
