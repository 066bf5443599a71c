using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.RegularExpressions;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Server.Kestrel.Https;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using TrustCheckIn.Operations;

namespace TrustCheckIn.BrowserTests;

// The real app on Kestrel at 127.0.0.1 with its own SQLite file, driven by Debian's Chromium.
public sealed partial class BrowserApp : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string Password = "a calm and long passphrase";
    public const int PhoneWidth = 360;
    public const int LaptopWidth = 1280;

    // Set by this test host only: which Razor page drew the document, so the suite knows the pages axe has seen.
    private const string PageHeader = "x-test-razor-page";
    private static readonly ConcurrentDictionary<string, byte> CheckedPages = new();
    private static readonly ConcurrentDictionary<string, byte> ScannedRazorPages = new();
    private readonly ConcurrentDictionary<IBrowserContext, bool> javaScriptOff = new();
    private readonly ConcurrentDictionary<IPage, string> razorPageShown = new();
    private readonly ConcurrentDictionary<IPage, ConcurrentDictionary<IRequest, byte>> requestsOpen = new();
    private IPlaywright? playwright;

    public BrowserApp()
    {
        Folder = Directory.CreateTempSubdirectory("trustcheckin-browser-").FullName;
        AdminEmail = $"admin-{Guid.NewGuid():N}@example.test";
        // HTTPS with a throwaway certificate, so the app runs with its production cookie and header settings.
        var certificate = SelfSignedCertificate();
        // A port known before start, so App:BaseUrl (the links in mails) names it.
        var port = FreePort();
        BaseUrl = $"https://127.0.0.1:{port}";
        UseKestrel(options => options.Listen(IPAddress.Loopback, port, listen => listen.UseHttps(certificate)));
    }

    public string Folder { get; }

    public string AdminEmail { get; }

    public string BaseUrl { get; }

    public IBrowser Browser { get; private set; } = null!;

    public static string OutputFolder { get; } = FindOutputFolder();

    // One report for the run: every test class has its own app, but they all write the same file.
    public static AccessibilityReport Accessibility { get; } = new(OutputFolder);

    // Razor pages (e.g. "/Journal/Reflection") scanned by axe in light and in dark, by any app of this run.
    public static IReadOnlyCollection<string> RazorPagesScanned => [.. ScannedRazorPages.Keys];

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseStaticWebAssets();
        builder.UseSetting("ConnectionStrings:Default", $"Data Source={Path.Combine(Folder, "app.db")}");
        builder.UseSetting("DataFolder", Folder);
        builder.UseSetting("Admin:Email", AdminEmail);
        builder.UseSetting("Smtp:Host", "");
        builder.UseSetting("App:BaseUrl", BaseUrl);
        // Tests run the reminder dispatcher themselves, on their own clock.
        builder.UseSetting("Reminders:Enabled", "false");
        builder.UseSetting("RateLimits:SensitivePostsPerMinute", "100000");
        builder.UseSetting("RateLimits:PerAccountPerMinute", "100000");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.ConfigureServices(services => services.Configure<MvcOptions>(options => options.Filters.Add(new NameThePageFilter())));
    }

    public async Task InitializeAsync()
    {
        StartServer();
        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
        });
    }

    public async Task<IPage> NewPageAsync(bool javaScript = true, string? timeZone = null)
    {
        var context = await Browser.NewContextAsync(new()
        {
            TimezoneId = timeZone,
            BaseURL = BaseUrl,
            ViewportSize = new() { Width = PhoneWidth, Height = 800 },
            JavaScriptEnabled = javaScript,
            IgnoreHTTPSErrors = true,
        });
        // Two browsers at once on a two-core machine (each with axe scans and screenshots) can take longer than
        // Playwright's 30 s for a page at the start of a run; a real failure still fails, only later.
        context.SetDefaultTimeout(90_000);
        context.SetDefaultNavigationTimeout(90_000);
        if (!javaScript)
        {
            javaScriptOff[context] = true;
        }

        var page = await context.NewPageAsync();
        var open = requestsOpen.GetOrAdd(page, _ => new());
        page.Request += (_, request) => open[request] = 0;
        page.RequestFinished += (_, request) => open.TryRemove(request, out var _);
        page.RequestFailed += (_, request) => open.TryRemove(request, out var _);
        page.Response += (_, response) =>
        {
            if (response.Request.IsNavigationRequest && response.Frame == page.MainFrame)
            {
                razorPageShown[page] = response.Headers.GetValueOrDefault(PageHeader, "");
            }
        };
        return page;
    }

    // Every page a journey visits, at phone width: the menu is one bar of at most five targets no taller
    // than 72 px, every 1-5 scale sits on one row, every checkbox and radio is at least 24 x 24 px, nothing
    // scrolls sideways. Once a run per page: its HTML is saved for the Nu HTML Checker, screenshots at phone
    // and laptop width in light and dark, and an axe scan in light and in dark (JavaScript contexts).
    public async Task CheckPageAsync(IPage page, string name)
    {
        await WaitUntilShownAsync(page, name);
        // Playwright still evaluates its own scripts with the page's JavaScript off, so layout checks run
        // everywhere; axe is skipped there, as the markup is the same as in the scanned JavaScript run.
        var scriptsOff = javaScriptOff.ContainsKey(page.Context);
        if (scriptsOff)
        {
            name += " (no JavaScript)";
        }

        await page.SetViewportSizeAsync(PhoneWidth, 800);
        await AssertFitsAPhoneAsync(page, name);
        // Every couple journey starts by registering and pairing: those pages are screenshot and scanned once a run.
        if (!CheckedPages.TryAdd(name, 0))
        {
            return;
        }

        var razorPage = razorPageShown.GetValueOrDefault(page, "");
        var safeName = SafeName().Replace(name, "-").Trim('-');
        await File.WriteAllTextAsync(Path.Combine(OutputFolder, "html", $"{safeName}.html"), await page.ContentAsync());
        foreach (var scheme in new[] { ColorScheme.Light, ColorScheme.Dark })
        {
            var mode = scheme == ColorScheme.Dark ? "dark" : "light";
            await page.EmulateMediaAsync(new() { ColorScheme = scheme });
            await page.SetViewportSizeAsync(PhoneWidth, 800);
            await page.ScreenshotAsync(new() { Path = Path.Combine(OutputFolder, "screenshots", $"{safeName}-{PhoneWidth}-{mode}.png"), FullPage = true });
            await page.SetViewportSizeAsync(LaptopWidth, 800);
            await page.ScreenshotAsync(new() { Path = Path.Combine(OutputFolder, "screenshots", $"{safeName}-{LaptopWidth}-{mode}.png"), FullPage = true });
            await page.SetViewportSizeAsync(PhoneWidth, 800);
            if (scriptsOff)
            {
                Accessibility.RecordNotScanned($"{name} [{mode}]", page.Url);
                continue;
            }

            var results = await page.RunAxe(new AxeRunOptions { RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"] } });
            Accessibility.Record($"{name} [{mode}]", page.Url, razorPage, results.Violations.Length, results.Violations.Count(v => v.Impact is "serious" or "critical"));
            Assert.True(results.Violations.Length == 0, $"{name} [{mode}]: " + string.Join("; ", results.Violations.Select(v => $"{v.Id}: {string.Join(", ", v.Nodes.Select(n => n.Html))}")));
        }

        await page.EmulateMediaAsync(new() { ColorScheme = ColorScheme.NoPreference });
        if (!scriptsOff && razorPage.Length > 0)
        {
            ScannedRazorPages.TryAdd(razorPage, 0);
        }
    }

    // A click that submits a form returns before the next page has loaded its stylesheet: measure the page as
    // people see it, not half-built. Asked of the document itself, one evaluation at a time from here:
    // WaitForFunctionAsync polls inside the page, and a page with JavaScript off runs no timers or animation
    // frames, so a first "not yet" waited for ever (CI runs hung there, and at Playwright's own load state,
    // with the page long complete).
    private async Task WaitUntilShownAsync(IPage page, string name)
    {
        const string Shown = "() => document.readyState === 'complete' && [...document.styleSheets].some(s => s.href && s.href.includes('/css/site'))";
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            try
            {
                if (await page.EvaluateAsync<bool>(Shown))
                {
                    return;
                }
            }
            catch (PlaywrightException e) when (e.Message.Contains("context was destroyed", StringComparison.OrdinalIgnoreCase) || e.Message.Contains("navigat", StringComparison.OrdinalIgnoreCase))
            {
                // The next document is arriving: ask it instead.
            }

            if (DateTime.UtcNow > deadline)
            {
                var open = string.Join(", ", requestsOpen.GetValueOrDefault(page)?.Keys.Select(r => $"{r.Method} {r.Url}") ?? []);
                throw new TimeoutException($"{name}: {page.Url} was not complete with its stylesheet within 60 s (requests still open: {(open.Length > 0 ? open : "none")}).");
            }

            await Task.Delay(50);
        }
    }

    private static async Task AssertFitsAPhoneAsync(IPage page, string name)
    {
        var overflow = await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth");
        Assert.False(overflow, $"{name} scrolls sideways at {PhoneWidth}px.");

        var nav = page.GetByRole(AriaRole.Navigation, new() { Name = "Main" });
        var targets = await nav.Locator("a, button").CountAsync();
        Assert.InRange(targets, 1, 5);
        var bar = await nav.BoundingBoxAsync();
        Assert.NotNull(bar);
        Assert.True(bar.Height <= 72, $"{name}: the menu is {bar.Height} px tall.");
        foreach (var target in await nav.Locator("a, button").AllAsync())
        {
            var box = await target.BoundingBoxAsync();
            Assert.NotNull(box);
            Assert.True(box.Width >= 44 && box.Height >= 44, $"{name}: {await target.TextContentAsync()} is {box.Width}x{box.Height}.");
            Assert.True(box.Y >= bar.Y - 0.5 && box.Y + box.Height <= bar.Y + bar.Height + 0.5, $"{name}: {await target.TextContentAsync()} is outside the bar.");
        }

        // Hidden inputs (display: none) have no box; a visually hidden one would be 1 px and is reported.
        var small = await page.EvaluateAsync<string[]>(@"() => [...document.querySelectorAll('input[type=checkbox], input[type=radio]')]
            .filter(i => i.getClientRects().length > 0)
            .map(i => [i, i.getBoundingClientRect()])
            .filter(([, r]) => r.width < 24 || r.height < 24)
            .map(([i, r]) => `${i.id || i.name} ${r.width}x${r.height}`)");
        Assert.True(small.Length == 0, $"{name}: checkboxes or radios under 24 x 24 px: {string.Join(", ", small)}");

        var brokenScales = await page.EvaluateAsync<string[]>(@"() => [...document.querySelectorAll('.rating-choices')]
            .filter(row => new Set([...row.children].map(c => Math.round(c.getBoundingClientRect().top))).size > 1)
            .map(row => row.closest('fieldset')?.querySelector('legend')?.textContent ?? 'a scale')");
        Assert.True(brokenScales.Length == 0, $"{name}: these 1-5 scales wrap onto two rows: {string.Join(", ", brokenScales)}");
    }

    private static int FreePort()
    {
        using var probe = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    public string ConfirmationLink(string email) => LinkIn(email, "/Account/ConfirmEmail");

    public string LinkIn(string email, string pathPrefix)
    {
        var queue = Services.GetRequiredService<BackgroundQueue>();
        Assert.True(SpinWait.SpinUntil(() => queue.IsEmpty, TimeSpan.FromMinutes(2)), "The background queue did not empty.");
        var outbox = Path.Combine(Folder, "outbox");
        var message = Directory.GetFiles(outbox, "*.eml")
            .Order(StringComparer.Ordinal)
            .Select(path => MimeMessage.Load(path))
            .Last(m => m.To.Mailboxes.Any(a => string.Equals(a.Address, email, StringComparison.OrdinalIgnoreCase)));
        var match = Regex.Match(message.TextBody ?? "", $@"https?://\S*{Regex.Escape(pathPrefix)}\S*");
        return match.Value;
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await Browser.CloseAsync();
        playwright?.Dispose();
        await base.DisposeAsync();
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still held by a closing pool; the temp folder is cleaned by the OS.
        }
    }

    private static X509Certificate2 SelfSignedCertificate()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(7));
        return X509CertificateLoader.LoadPkcs12(certificate.Export(X509ContentType.Pfx), null);
    }

    private static string FindOutputFolder()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "TrustCheckIn.sln")))
        {
            directory = directory.Parent;
        }

        var folder = Path.Combine(directory?.FullName ?? AppContext.BaseDirectory, "test-output");
        Directory.CreateDirectory(Path.Combine(folder, "screenshots"));
        Directory.CreateDirectory(Path.Combine(folder, "html"));
        return folder;
    }

    private sealed class NameThePageFilter : IAsyncPageFilter
    {
        public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context)
        {
            context.HttpContext.Response.Headers[PageHeader] = context.ActionDescriptor.ViewEnginePath;
            return Task.CompletedTask;
        }

        public Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next) => next();
    }

    [GeneratedRegex("[^A-Za-z0-9]+")]
    private static partial Regex SafeName();
}
