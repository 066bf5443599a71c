using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Security.Cryptography.X509Certificates;
using Microsoft.EntityFrameworkCore;
using MimeKit;
using TrustCheckIn.Accounts;
using TrustCheckIn.Couples;
using TrustCheckIn.Journal;
using TrustCheckIn.Tests.CheckIns;
using TrustCheckIn.Tests.Infrastructure;
using TrustCheckIn.Tests.Reminders;
using Xunit.Abstractions;

namespace TrustCheckIn.Tests.Operations;

// deploy/two-instances.sh as an operator runs it: two published instances on one PostgreSQL behind nginx. People move
// between instances from one request to the next, so nothing may live in one instance only.
[Collection(PublishedAppCollection.Name)]
[Trait("Database", "OwnServer")]
public sealed class TwoInstancesTests(TwoInstances demo, ITestOutputHelper output) : IClassFixture<TwoInstances>
{
    [Fact]
    public async Task SignedInOnOneInstanceAPersonChecksInAndWritesOnTheOther()
    {
        var (a, _) = await demo.Seeder.CreateCoupleAsync("Ana", "Ben");
        var canary = $"Written on instance 2 {Guid.NewGuid():N}";
        var one = demo.Instance(1);
        var home = await one.Client.SubmitAsync(await one.Client.GetPageAsync("/Account/Login"), "#login-form", new() { ["Input.Email"] = a.Email, ["Input.Password"] = a.Password });
        var two = demo.Instance(2, cookiesOf: one);

        // A form rendered by instance 1 (its antiforgery token and cookie), posted to instance 2.
        var checkInForm = await one.Client.GetPageAsync("/CheckIns");
        var checkedIn = await two.Client.SubmitAndReadAsync(checkInForm with { Url = new Uri(two.Client.BaseAddress!, checkInForm.Url.PathAndQuery) }, "#checkin-form", CheckInPagesTests.Form(wentWell: "We cooked together"));
        var entry = await two.Client.SubmitAndReadAsync(await two.Client.GetPageAsync("/Journal/New"), "#entry-form", new() { ["Input.Text"] = canary });
        var readOnOne = await one.Client.GetPageAsync(entry.Url.PathAndQuery);

        Assert.Equal("/", home.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Equal(HttpStatusCode.OK, checkedIn.Response.StatusCode);
        Assert.Contains("Thank you for checking in. Ben will see your answers once they've checked in too.", checkedIn.Text, StringComparison.Ordinal);
        Assert.StartsWith("/Journal/Entry/", entry.Url.AbsolutePath, StringComparison.Ordinal);
        Assert.Contains(canary, entry.Text, StringComparison.Ordinal);
        Assert.Contains(canary, readOnOne.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AReminderDueWhileBothInstancesRunIsSentExactlyOnce()
    {
        var (a, b) = await demo.Seeder.CreateCoupleAsync("Cleo", "Dev");
        // The next whole minute at least 15 s away, on the couple's clock: due during this run, after the couple formed.
        var london = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");
        var now = DateTime.UtcNow;
        var dueUtc = new DateTime(now.Ticks - (now.Ticks % TimeSpan.TicksPerMinute), DateTimeKind.Utc).AddMinutes(now.Second >= 45 ? 2 : 1);
        var dueLocal = TimeZoneInfo.ConvertTimeFromUtc(dueUtc, london);
        foreach (var partner in new[] { a, b })
        {
            await demo.Seeder.SaveRemindersAsync(partner, day: dueLocal.DayOfWeek, hour: dueLocal.Hour, minute: dueLocal.Minute);
        }

        // Each instance's worker runs once a minute: the first run after the due time claims and sends.
        var deadline = DateTime.UtcNow.AddMinutes(6);
        while (ReminderMails(a).Count + ReminderMails(b).Count < 2 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(500);
        }

        var firstSeenAt = DateTime.UtcNow;
        // Nothing can be polled for a mail that must not come: wait until each instance has run its worker once more.
        await Task.Delay(TrustCheckIn.Reminders.ReminderWorker.Interval + TimeSpan.FromSeconds(15));
        var toA = ReminderMails(a);
        var toB = ReminderMails(b);
        var deliveries = await demo.Seeder.DeliveriesAsync(a);
        output.WriteLine($"Due {dueUtc:O}, both mails seen by {firstSeenAt:O}; sent from {string.Join(", ", toA.Concat(toB).Select(m => m.Instance))}");

        Assert.Single(toA);
        Assert.Single(toB);
        Assert.Equal(TrustCheckIn.Reminders.DeliveryStatus.Sent, Assert.Single(deliveries).Status);
        Assert.Contains($"{demo.PublicAddress}/CheckIns", toA[0].Message.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("Unhandled", demo.Log(1) + demo.Log(2), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ConsentWithdrawnOnOneInstanceHidesTheWordsOnTheOtherAtTheNextRequest()
    {
        var (a, _) = await demo.Seeder.CreateCoupleAsync("Ana", "Ben");
        var canary = $"Canary{Guid.NewGuid():N}";
        await demo.Seeder.WithServiceAsync<TrustCheckIn.Common.Result<int>, JournalService>(j => j.CreateAsync(a.Id, new JournalService.EntryInput(null, canary, true)));
        var (therapist, code, key) = await demo.Seeder.CreateTherapistAsync("Dr Rivers");
        var coupleId = (await demo.Seeder.WithServiceAsync<CoupleService.CoupleView?, CoupleService>(c => c.GetActiveAsync(a.Id)))!.Id;
        var partner = demo.Instance(1);
        await partner.Client.SubmitAsync(await partner.Client.GetPageAsync("/Account/Login"), "#login-form", new() { ["Input.Email"] = a.Email, ["Input.Password"] = a.Password });
        await partner.Client.SubmitAsync(await partner.Client.GetPageAsync("/Couple/Therapist"), "#link-therapist-form", new() { ["Link.Code"] = code });
        var granted = await partner.Client.SubmitAndReadAsync(await partner.Client.GetPageAsync("/Couple/Therapist"), "#consent-form", new() { ["Input.Journal"] = "true", ["Input.Start"] = "AllHistory" });
        var counsellor = demo.Instance(2);
        var password = await counsellor.Client.SubmitAndReadAsync(await counsellor.Client.GetPageAsync("/Account/Login"), "#login-form", new() { ["Input.Email"] = therapist.Email, ["Input.Password"] = therapist.Password });
        var totp = Totp.Compute(key, Totp.TimeStepAt(DateTimeOffset.UtcNow)).ToString("D6", CultureInfo.InvariantCulture);
        await counsellor.Client.SubmitAsync(password, "#login-2fa-form", new() { ["Input.Code"] = totp });

        var before = await counsellor.Client.GetPageAsync($"/Therapist/Couple/{coupleId}");
        var revoked = await partner.Client.SubmitAndReadAsync(await partner.Client.GetPageAsync("/Couple/Therapist"), "#revoke-consent-form");
        var after = await counsellor.Client.GetPageAsync($"/Therapist/Couple/{coupleId}");

        Assert.Contains("You share", granted.Text, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, before.Response.StatusCode);
        Assert.Contains(canary, before.Html, StringComparison.Ordinal);
        Assert.Contains("You've stopped sharing", revoked.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(canary, after.Html, StringComparison.Ordinal);
        Assert.NotNull(after.Document.QuerySelector("#nothing-shared"));
    }

    private List<(MimeMessage Message, int Instance)> ReminderMails(TestUser user) => demo.Mails()
        .Where(m => m.Message.Subject == ReminderSeeding.CheckInSubject && m.Message.To.Mailboxes.Any(to => to.Address == user.Email))
        .ToList();
}

// Its own run of the script: this test kills an instance.
[Collection(PublishedAppCollection.Name)]
[Trait("Database", "OwnServer")]
public sealed class TwoInstancesKillTests(TwoInstances demo, ITestOutputHelper output) : IClassFixture<TwoInstances>
{
    private const int Writers = 3;
    private readonly ConcurrentDictionary<string, byte> acknowledged = new();
    private readonly ConcurrentQueue<(DateTime StartedAt, string What)> failures = new();

    [Fact]
    public async Task KillingOneInstanceUnderWritesLosesNoAcknowledgedWriteAndNginxKeepsServing()
    {
        var person = await demo.Seeder.CreateUserAsync("Sam");
        var browser = demo.ThroughNginx();
        var home = await browser.Client.SubmitAsync(await browser.Client.GetPageAsync("/Account/Login"), "#login-form", new() { ["Input.Email"] = person.Email, ["Input.Password"] = person.Password });
        Assert.Equal("/", home.RequestMessage!.RequestUri!.AbsolutePath);
        var form = await browser.Client.GetPageAsync("/Journal/New");
        using var stop = new CancellationTokenSource();
        var writers = Enumerable.Range(0, Writers).Select(w => WriteUntilStoppedAsync(browser.Client, form, $"writer {w}", stop.Token)).ToList();

        await WaitForAsync(() => acknowledged.Count >= 10, "10 writes acknowledged before the kill");
        demo.KillInstance(1);
        var killedAt = DateTime.UtcNow;
        var beforeKill = acknowledged.Count;
        await WaitForAsync(() => acknowledged.Count >= beforeKill + 30, "30 writes acknowledged after the kill");
        await stop.CancelAsync();
        await Task.WhenAll(writers);
        var pagesAfter = new List<HttpStatusCode>();
        for (var i = 0; i < 6; i++)
        {
            using var response = await browser.Client.GetAsync("/Journal");
            pagesAfter.Add(response.StatusCode);
        }

        var stored = await demo.Seeder.WithDbAsync(db => db.JournalEntries.AsNoTracking().Where(e => e.AuthorId == person.Id).Select(e => e.Text).ToListAsync());
        var missing = acknowledged.Keys.Except(stored).ToList();
        output.WriteLine($"{beforeKill} acknowledged before the kill, {acknowledged.Count - beforeKill} after; {stored.Count} stored; failures: {string.Join("; ", failures.Select(f => $"{f.StartedAt:O} {f.What}"))}");

        Assert.Empty(missing);
        // Only requests already on their way to the killed instance may fail, never one sent after.
        Assert.All(failures, f => Assert.True(f.StartedAt < killedAt.AddSeconds(5), $"A write started {(f.StartedAt - killedAt).TotalSeconds:F1} s after the kill failed: {f.What}"));
        Assert.All(pagesAfter, status => Assert.Equal(HttpStatusCode.OK, status));
        Assert.True(demo.IsRunning(2), "Instance 2 stopped.");
        Assert.False(demo.IsRunning(1), "Instance 1 was not killed.");
    }

    // Acknowledged: the post was answered with the new entry's page (302 to /Journal/Entry/…, followed).
    private async Task WriteUntilStoppedAsync(HttpClient client, HtmlPage form, string name, CancellationToken stop)
    {
        for (var n = 0; !stop.IsCancellationRequested; n++)
        {
            var text = $"Two instances {name} entry {n} {Guid.NewGuid():N}";
            var startedAt = DateTime.UtcNow;
            try
            {
                using var response = await client.SubmitAsync(form, "#entry-form", new() { ["Input.Text"] = text });
                if (response.RequestMessage!.RequestUri!.AbsolutePath.StartsWith("/Journal/Entry/", StringComparison.Ordinal) && response.StatusCode == HttpStatusCode.OK)
                {
                    acknowledged.TryAdd(text, 0);
                }
                else
                {
                    failures.Enqueue((startedAt, $"{(int)response.StatusCode} at {response.RequestMessage.RequestUri.AbsolutePath}"));
                }
            }
            catch (Exception e) when (e is HttpRequestException or IOException or TaskCanceledException)
            {
                failures.Enqueue((startedAt, e.GetType().Name));
            }
        }
    }

    private static async Task WaitForAsync(Func<bool> condition, string what)
    {
        var deadline = DateTime.UtcNow.AddMinutes(3);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"Not reached in 3 minutes: {what}.");
            await Task.Delay(50);
        }
    }
}

// One run of deploy/two-instances.sh on ports of the test range, stopped and removed afterwards. The seeder is an app
// in the test process over the same database (the same master key), for arrange steps only.
public sealed class TwoInstances : IAsyncLifetime
{
    public const string Host = "localhost";
    private readonly Dictionary<string, string> settings;

    public TwoInstances()
    {
        Folder = Directory.CreateTempSubdirectory("trustcheckin-two-instances-").FullName;
        Ports = [PublishedBuild.FreePort(), PublishedBuild.FreePort()];
        HttpsPort = PublishedBuild.FreePort();
        var postgresPort = PublishedBuild.FreePort();
        ConnectionString = $"Host=127.0.0.1;Port={postgresPort};Database=trustcheckin;Username=postgres";
        settings = new()
        {
            ["TRUSTCHECKIN_DEMO_DIR"] = Folder,
            ["TRUSTCHECKIN_DEMO_HOST"] = Host,
            ["TRUSTCHECKIN_DEMO_HTTPS_PORT"] = HttpsPort.ToString(CultureInfo.InvariantCulture),
            ["TRUSTCHECKIN_DEMO_PORT_1"] = Ports[0].ToString(CultureInfo.InvariantCulture),
            ["TRUSTCHECKIN_DEMO_PORT_2"] = Ports[1].ToString(CultureInfo.InvariantCulture),
            ["TRUSTCHECKIN_DEMO_POSTGRES_PORT"] = postgresPort.ToString(CultureInfo.InvariantCulture),
            ["TRUSTCHECKIN_DEMO_RATE"] = "10000",
            ["TRUSTCHECKIN_DEMO_BURST"] = "10000",
            ["Encryption__MasterKey"] = MasterKey,
            ["Reminders__Enabled"] = "true",
            ["RateLimits__SensitivePostsPerMinute"] = "100000",
            ["RateLimits__PerAccountPerMinute"] = "100000",
            ["Logging__Console__FormatterName"] = "simple",
        };
    }

    public string Folder { get; }

    public int[] Ports { get; }

    public int HttpsPort { get; }

    public string ConnectionString { get; }

    public string MasterKey { get; } = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));

    public string PublicAddress => $"https://{Host}:{HttpsPort}";

    public TestApp Seeder { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await Task.Run(() => Script("start"));
        Seeder = new TestApp()
            .WithSetting("Database:Provider", "PostgreSQL")
            .WithSetting("ConnectionStrings:Default", ConnectionString)
            .WithSetting("Database:MigrateOnStart", "false")
            .WithSetting("Encryption:MasterKey", MasterKey);
        _ = Seeder.Services;
    }

    // Straight to one instance, as nginx would send it (public Host, X-Forwarded-Proto: https); cookies can come from another browser.
    public Browser Instance(int n, Browser? cookiesOf = null)
    {
        var handler = new ProxyClient(Host, forwardHttps: true) { InnerHandler = new SocketsHttpHandler { UseCookies = false, AllowAutoRedirect = false } };
        foreach (var (name, value) in cookiesOf?.Handler.Cookies ?? [])
        {
            handler.Cookies[name] = value;
        }

        return new Browser(new HttpClient(handler) { BaseAddress = new Uri($"http://127.0.0.1:{Ports[n - 1]}") }, handler);
    }

    // Through nginx over HTTPS, trusting only the certificate the script made.
    public Browser ThroughNginx()
    {
        var thumbprint = X509Certificate2.CreateFromPem(File.ReadAllText(Path.Combine(Folder, "nginx", "cert.pem"))).Thumbprint;
        var handler = new ProxyClient($"{Host}:{HttpsPort}", forwardHttps: false)
        {
            InnerHandler = new SocketsHttpHandler
            {
                UseCookies = false,
                AllowAutoRedirect = false,
                SslOptions = { TargetHost = Host, RemoteCertificateValidationCallback = (_, presented, _, _) => presented is X509Certificate2 c && c.Thumbprint == thumbprint },
            },
        };
        return new Browser(new HttpClient(handler) { BaseAddress = new Uri($"https://127.0.0.1:{HttpsPort}"), Timeout = TimeSpan.FromSeconds(90) }, handler);
    }

    // Every mail either instance wrote to its outbox, with the instance that wrote it.
    public List<(MimeMessage Message, int Instance)> Mails() => [.. new[] { 1, 2 }.SelectMany(n =>
    {
        var outbox = Path.Combine(Folder, $"instance-{n}", "outbox");
        return Directory.Exists(outbox) ? Directory.GetFiles(outbox, "*.eml").Select(path => (MimeMessage.Load(path), n)) : [];
    })];

    public string Log(int n) => File.ReadAllText(Path.Combine(Folder, $"instance-{n}.log"));

    private int Pid(int n) => int.Parse(File.ReadAllText(Path.Combine(Folder, $"instance-{n}.pid")).Trim(), CultureInfo.InvariantCulture);

    public bool IsRunning(int n)
    {
        try
        {
            return !System.Diagnostics.Process.GetProcessById(Pid(n)).HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    // SIGKILL: no shutdown code runs, as when a machine dies.
    public void KillInstance(int n)
    {
        using var process = System.Diagnostics.Process.GetProcessById(Pid(n));
        process.Kill();
        process.WaitForExit();
    }

    private void Script(string command) => PublishedBuild.Run(
        "bash", [Path.Combine(PublishedBuild.RepositoryRoot, "deploy", "two-instances.sh"), command], TimeSpan.FromMinutes(10), settings);

    public async Task DisposeAsync()
    {
        Seeder?.Dispose();
        Npgsql.NpgsqlConnection.ClearAllPools();
        await Task.Run(() => Script("stop"));
        Directory.Delete(Folder, recursive: true);
    }

    public sealed record Browser(HttpClient Client, ProxyClient Handler);
}
