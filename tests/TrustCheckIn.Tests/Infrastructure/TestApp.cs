using System.Data.Common;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using MimeKit;
using Npgsql;
using TrustCheckIn.Accounts;
using TrustCheckIn.Couples;
using TrustCheckIn.Data;
using TrustCheckIn.Operations;

namespace TrustCheckIn.Tests.Infrastructure;

public sealed record TestUser(string Id, string Email, string Password, string DisplayName);

// One app per test class: its own temp folder holds the SQLite file (real migrations run on it) and
// the mail outbox. Settings are swapped, services are not. With TRUSTCHECKIN_TEST_POSTGRES set to a server's
// connection string, the same suite runs on PostgreSQL instead: a database of its own per folder.
public class TestApp : WebApplicationFactory<Program>
{
    public const string Password = "a calm and long passphrase";
    public const string PublicAddress = "https://trustcheckin.test";

    // Null when the suite runs on SQLite.
    public static readonly string? PostgresServer = Environment.GetEnvironmentVariable("TRUSTCHECKIN_TEST_POSTGRES") is { Length: > 0 } server ? server : null;

    static TestApp()
    {
        // Hundreds of apps each watching their appsettings files run out of inotify instances (128 by default).
        Environment.SetEnvironmentVariable("DOTNET_hostBuilder__reloadConfigOnChange", "false");
    }

    private readonly Dictionary<string, string> settings = [];
    private readonly bool ownsFolder;
    private int sensitivePostsPerMinute = 100_000;

    public TestApp()
        : this(Directory.CreateTempSubdirectory("trustcheckin-test-").FullName)
    {
        ownsFolder = true;
    }

    // An app over a folder the test owns: a restored backup, or the database an earlier app left behind.
    protected TestApp(string folder)
    {
        SqlCapture.Start();
        Folder = folder;
        AdminEmail = $"admin-{Guid.NewGuid():N}@example.test";
        ClientOptions.BaseAddress = new Uri(PublicAddress);
    }

    public string Folder { get; }

    // The app's clock: starts at the real time, moves 1 ms per reading; tests advance it to cross weeks.
    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow) { AutoAdvanceAmount = TimeSpan.FromMilliseconds(1) };

    public string AdminEmail { get; }

    public string DatabasePath => Path.Combine(Folder, "app.db");

    public static bool OnPostgres => PostgresServer is not null;

    // The folder names the database, so an app over an earlier app's folder finds that app's data.
    public string ConnectionString => PostgresServer is null
        ? $"Data Source={DatabasePath}"
        : new NpgsqlConnectionStringBuilder(PostgresServer) { Database = PostgresDatabase }.ConnectionString;

    // Where SqlCapture files the statements this app's requests ran.
    public string StatementsKey => PostgresServer is null ? Path.GetFullPath(DatabasePath) : PostgresDatabase;

    // Where this app's data lives, as settings: the same for a command (migrate) run over this app's database.
    // On PostgreSQL the keys are shared through the database, so the master key comes from configuration: one per
    // folder, so an app over an earlier app's folder opens its words.
    public IEnumerable<(string Key, string Value)> DatabaseSettings
    {
        get
        {
            yield return ("ConnectionStrings:Default", ConnectionString);
            yield return ("Database:Provider", OnPostgres ? "PostgreSQL" : "Sqlite");
            if (OnPostgres)
            {
                yield return ("Encryption:MasterKey", Convert.ToBase64String(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes("master:" + Folder))));
            }
        }
    }

    private string PostgresDatabase => "tc_" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(Folder)))[..24];

    public string OutboxFolder => Path.Combine(Folder, "outbox");

    // Applied after the defaults above, so a test can replace any of them.
    public TestApp WithSetting(string key, string value)
    {
        settings[key] = value;
        return this;
    }

    public TestApp WithSensitivePostsPerMinute(int permit)
    {
        sensitivePostsPerMinute = permit;
        return this;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseStaticWebAssets();
        foreach (var (key, value) in DatabaseSettings)
        {
            builder.UseSetting(key, value);
        }

        builder.UseSetting("DataFolder", Folder);
        builder.UseSetting("Admin:Email", AdminEmail);
        builder.UseSetting("Smtp:Host", "");
        builder.UseSetting("App:BaseUrl", PublicAddress);
        // Tests run the reminder dispatcher themselves, on their own clock.
        builder.UseSetting("Reminders:Enabled", "false");
        builder.UseSetting("RateLimits:SensitivePostsPerMinute", sensitivePostsPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("RateLimits:PerAccountPerMinute", "100000");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
    }

    // The database itself, past the app (read-only on SQLite unless asked): for checks of what is stored.
    public DbConnection OpenDatabase(bool writable = false)
    {
        DbConnection connection = PostgresServer is null
            ? new SqliteConnection($"Data Source={DatabasePath};Mode={(writable ? "ReadWrite" : "ReadOnly")};Pooling=False")
            : new NpgsqlConnection(ConnectionString);
        connection.Open();
        return connection;
    }

    // One statement straight on the database (see OpenDatabase), its first value.
    public object? Scalar(string sql, bool writable = false)
    {
        using var connection = OpenDatabase(writable);
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }

    public HttpClient CreateBrowser(bool followRedirects = true) =>
        CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = followRedirects, BaseAddress = new Uri(PublicAddress) });

    public async Task<T> WithServiceAsync<T, TService>(Func<TService, Task<T>> action)
        where TService : notnull
    {
        await using var scope = Services.CreateAsyncScope();
        return await action(scope.ServiceProvider.GetRequiredService<TService>());
    }

    // The same service on the test's own clock, over the app's database: for rules that depend on time.
    public async Task<T> WithServiceAsync<T, TService>(FakeTimeProvider clock, Func<TService, Task<T>> action)
        where TService : notnull
    {
        await using var scope = Services.CreateAsyncScope();
        return await action(ActivatorUtilities.CreateInstance<TService>(scope.ServiceProvider, clock));
    }

    public async Task<T> WithDbAsync<T>(Func<AppDbContext, Task<T>> action)
    {
        await using var scope = Services.CreateAsyncScope();
        return await action(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    public async Task<TestUser> CreateUserAsync(string? displayName = null, bool asTherapist = false, string? email = null)
    {
        displayName ??= $"Person {Guid.NewGuid().ToString("N")[..6]}";
        email ??= $"{Guid.NewGuid():N}@example.test";
        await using var scope = Services.CreateAsyncScope();
        var registration = await scope.ServiceProvider.GetRequiredService<AccountService>().RegisterAsync(displayName, email, Password, asTherapist);
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = registration.User ?? throw new InvalidOperationException("Registration failed in arrange.");
        await users.ConfirmEmailAsync(user, await users.GenerateEmailConfirmationTokenAsync(user));
        return new TestUser(user.Id, email, Password, displayName);
    }

    // followRedirects: false gives a browser that reports each 302 as it is, for access tests.
    public async Task<HttpClient> SignInAsync(TestUser user, bool followRedirects = true)
    {
        var client = CreateBrowser(followRedirects);
        var login = await client.GetPageAsync("/Account/Login");
        var response = await client.SubmitAsync(login, "#login-form", new() { ["Input.Email"] = user.Email, ["Input.Password"] = user.Password });
        await EnsureSignedInAsync(response, "#login-form", "Sign-in");
        return client;
    }

    // An approved therapist with a profile and an authenticator app set up.
    public async Task<(TestUser User, string LinkCode, string AuthenticatorKey)> CreateTherapistAsync(string displayName = "Dr Therapist")
    {
        var therapist = await CreateUserAsync(displayName, asTherapist: true);
        await using var scope = Services.CreateAsyncScope();
        var administrator = await CreateUserAsync(email: $"admin-{Guid.NewGuid():N}@example.test");
        await scope.ServiceProvider.GetRequiredService<TherapistApprovalService>().DecideAsync(administrator.Id, therapist.Id, approve: true);
        var therapists = scope.ServiceProvider.GetRequiredService<TrustCheckIn.Therapy.TherapistProfileService>();
        await therapists.SaveProfileAsync(therapist.Id, displayName, "Calm Waters Practice", null);
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = (await users.FindByIdAsync(therapist.Id))!;
        await users.ResetAuthenticatorKeyAsync(user);
        await users.SetTwoFactorEnabledAsync(user, true);
        var key = (await users.GetAuthenticatorKeyAsync(user))!;
        return (therapist, (await therapists.GetProfileAsync(therapist.Id))!.LinkCode, key);
    }

    // Password, then a fresh authenticator code (the clock moves one step so no code is ever reused).
    public async Task<HttpClient> SignInWithTwoFactorAsync(TestUser user, string authenticatorKey, bool followRedirects = true)
    {
        var client = CreateBrowser(followRedirects);
        var login = await client.GetPageAsync("/Account/Login");
        var first = await client.SubmitAsync(login, "#login-form", new() { ["Input.Email"] = user.Email, ["Input.Password"] = user.Password });
        var second = followRedirects ? await HtmlPage.ReadAsync(first) : await client.GetPageAsync(first.Headers.Location!.OriginalString);
        Clock.Advance(Totp.Step);
        var code = Totp.Compute(authenticatorKey, Totp.TimeStepAt(Clock.GetUtcNow())).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
        var response = await client.SubmitAsync(second, "#login-2fa-form", new() { ["Input.Code"] = code });
        await EnsureSignedInAsync(response, "#login-2fa-form", "Two-step sign-in");
        return client;
    }

    // Still on the form, or sent back to a login page: the arrange step failed, not the test.
    private static async Task EnsureSignedInAsync(HttpResponseMessage response, string formSelector, string step)
    {
        var page = await HtmlPage.ReadAsync(response);
        if (page.Document.QuerySelector(formSelector) is not null || response.Headers.Location?.OriginalString.Contains("Login", StringComparison.Ordinal) == true)
        {
            throw new InvalidOperationException($"{step} failed in arrange.");
        }
    }

    public async Task<(TestUser A, TestUser B)> CreateCoupleAsync(string? nameA = null, string? nameB = null)
    {
        var a = await CreateUserAsync(nameA);
        var b = await CreateUserAsync(nameB);
        await using var scope = Services.CreateAsyncScope();
        var couples = scope.ServiceProvider.GetRequiredService<CoupleService>();
        var invitation = await couples.CreateInvitationAsync(a.Id, new CheckInSchedule("Europe/London", DayOfWeek.Sunday));
        var accepted = await couples.AcceptAsync(b.Id, invitation.Value!.Code);
        if (!accepted.Succeeded)
        {
            throw new InvalidOperationException("Pairing failed in arrange.");
        }

        return (a, b);
    }

    // Registration, reset and resend finish after the page has answered: wait for what was posted so far.
    public void WaitForBackgroundWork()
    {
        var queue = Services.GetRequiredService<BackgroundQueue>();
        // Generous: on a loaded machine each queued registration hashes a password for a good fraction of a second.
        if (!SpinWait.SpinUntil(() => queue.IsEmpty, TimeSpan.FromMinutes(5)))
        {
            throw new TimeoutException("The background queue did not empty.");
        }
    }

    public IReadOnlyList<MimeMessage> MailTo(string email)
    {
        WaitForBackgroundWork();
        return !Directory.Exists(OutboxFolder)
            ? []
            : Directory.GetFiles(OutboxFolder, "*.eml")
                .Order(StringComparer.Ordinal)
                .Select(path => MimeMessage.Load(path))
                .Where(m => m.To.Mailboxes.Any(a => string.Equals(a.Address, email, StringComparison.OrdinalIgnoreCase)))
                .ToList();
    }

    public static string LinkIn(MimeMessage message, string pathPrefix)
    {
        var match = System.Text.RegularExpressions.Regex.Match(message.TextBody ?? "", $@"https?://\S*{System.Text.RegularExpressions.Regex.Escape(pathPrefix)}\S*");
        return match.Success ? match.Value : throw new InvalidOperationException($"No {pathPrefix} link in the mail.");
    }

    // Every statement the class's requests ran goes through EXPLAIN QUERY PLAN once the app has stopped
    // (FullScanTests, run after every other class, reports what was found).
    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing && File.Exists(DatabasePath))
        {
            SqlCapture.Check(DatabasePath);
        }

        SqliteConnection.ClearAllPools();
        if (!ownsFolder)
        {
            return;
        }

        if (disposing && PostgresServer is not null)
        {
            SqlCapture.Forget(StatementsKey);
            DropPostgresDatabase();
        }

        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open by a pool being torn down; the OS temp folder cleans up after us.
        }
    }

    private void DropPostgresDatabase()
    {
        NpgsqlConnection.ClearAllPools();
        using var connection = new NpgsqlConnection(PostgresServer);
        connection.Open();
        using var drop = connection.CreateCommand();
        drop.CommandText = $"DROP DATABASE IF EXISTS \"{PostgresDatabase}\" WITH (FORCE)";
        drop.ExecuteNonQuery();
    }
}
