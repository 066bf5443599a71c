using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using MimeKit;
using TrustCheckIn.Tests.Infrastructure;

namespace TrustCheckIn.Tests.Operations;

// The app as an operator runs it: `dotnet publish` output started as its own process in Production. .ci/run
// publishes once and names the folder in TRUSTCHECKIN_PUBLISHED; without it the fixture publishes itself.
public sealed class PublishedBuild : IDisposable
{
    private readonly string? ownFolder;

    public PublishedBuild()
    {
        if (Environment.GetEnvironmentVariable("TRUSTCHECKIN_PUBLISHED") is { Length: > 0 } given)
        {
            Folder = given;
        }
        else
        {
            ownFolder = Folder = Directory.CreateTempSubdirectory("trustcheckin-published-").FullName;
            Run("dotnet", ["publish", Path.Combine(RepositoryRoot, "src", "TrustCheckIn.Web"), "-c", "Release", "-o", Folder], TimeSpan.FromMinutes(5));
        }

        Assert.True(File.Exists(Path.Combine(Folder, "TrustCheckIn.Web.dll")), $"No published app in {Folder}.");
    }

    public string Folder { get; }

    public static string RepositoryRoot { get; } = FindRoot();

    public static (int ExitCode, string Output) Run(string file, IEnumerable<string> arguments, TimeSpan timeout, IDictionary<string, string>? environment = null, string? workingDirectory = null)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = workingDirectory ?? "" };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{file} {string.Join(' ', arguments)} did not finish in {timeout}.");
        }

        var text = output.Result + errors.Result;
        Assert.True(process.ExitCode == 0, $"{file} {string.Join(' ', arguments)} exited with {process.ExitCode}: {text}");
        return (process.ExitCode, text);
    }

    private static readonly HashSet<int> GivenPorts = [];

    // A free port in the range kept for these tests on the shared machines, never the same one twice in a run.
    public static int FreePort()
    {
        foreach (var port in Enumerable.Range(18400, 100).OrderBy(_ => Random.Shared.Next()))
        {
            lock (GivenPorts)
            {
                if (!GivenPorts.Add(port))
                {
                    continue;
                }
            }

            try
            {
                using var probe = new TcpListener(IPAddress.Loopback, port);
                probe.Start();
                return port;
            }
            catch (SocketException)
            {
                // Taken: try the next one.
            }
        }

        throw new InvalidOperationException("No free port in 18400-18499.");
    }

    private static string FindRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "TrustCheckIn.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException("The repository root (TrustCheckIn.sln) was not found.");
    }

    public void Dispose()
    {
        if (ownFolder is not null)
        {
            Directory.Delete(ownFolder, recursive: true);
        }
    }
}

// One running copy of the published app over a data folder that outlives it.
public sealed class PublishedProcess : IDisposable
{
    private readonly Process process;
    private readonly StringBuilder output = new();

    private PublishedProcess(Process process)
    {
        this.process = process;
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public string Output
    {
        get
        {
            lock (output)
            {
                return output.ToString();
            }
        }
    }

    public int Id => process.Id;

    public static Dictionary<string, string> Settings(string dataFolder, int port, string publicAddress) => new()
    {
        ["ASPNETCORE_ENVIRONMENT"] = "Production",
        ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}",
        ["App__BaseUrl"] = publicAddress,
        ["DataFolder"] = dataFolder,
        ["RateLimits__SensitivePostsPerMinute"] = "100000",
        ["RateLimits__PerAccountPerMinute"] = "100000",
        ["Logging__LogLevel__Default"] = "Information",
        ["Logging__Console__FormatterName"] = "simple",
    };

    public static PublishedProcess Start(PublishedBuild build, IDictionary<string, string> settings)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = build.Folder, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(build.Folder, "TrustCheckIn.Web.dll"));
        foreach (var (key, value) in settings)
        {
            start.Environment[key] = value;
        }

        return new PublishedProcess(Process.Start(start)!);
    }

    public async Task WaitUntilReadyAsync(int port, string host) =>
        await ProbeReadyAsync(port, host, status => status == HttpStatusCode.OK, "was not ready");

    // The first answer of /healthz/ready, whatever it is: for a start that is not ready on purpose.
    public Task<HttpStatusCode> WaitUntilListeningAsync(int port, string host) =>
        ProbeReadyAsync(port, host, _ => true, "did not listen");

    // The probe names the public host, as a monitor must: the app answers no other Host header.
    private async Task<HttpStatusCode> ProbeReadyAsync(int port, string host, Func<HttpStatusCode, bool> enough, string failure)
    {
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        client.DefaultRequestHeaders.Host = host;
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (DateTime.UtcNow < deadline)
        {
            Assert.False(process.HasExited, $"The app exited with {(process.HasExited ? process.ExitCode : 0)}: {Output}");
            try
            {
                var status = (await client.GetAsync($"http://127.0.0.1:{port}/healthz/ready")).StatusCode;
                if (enough(status))
                {
                    return status;
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet.
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"The app {failure} in 90 s: {Output}");
    }

    public static async Task RegisterAndSignInAsync(HttpClient browser, string dataFolder)
    {
        var email = $"{Guid.NewGuid():N}@example.test";
        await browser.SubmitAsync(await browser.GetPageAsync("/Account/Register"), "#register-form", new()
        {
            ["Input.DisplayName"] = "Sam", ["Input.Email"] = email, ["Input.Password"] = TestApp.Password, ["Input.ConfirmPassword"] = TestApp.Password,
        });
        var link = new Uri(TestApp.LinkIn(await MailToAsync(dataFolder, email), "/Account/ConfirmEmail"));
        await browser.SubmitAsync(await browser.GetPageAsync(link.PathAndQuery), "#confirm-email-form");
        var home = await browser.SubmitAsync(await browser.GetPageAsync("/Account/Login"), "#login-form", new() { ["Input.Email"] = email, ["Input.Password"] = TestApp.Password });
        Assert.Equal("/", home.RequestMessage!.RequestUri!.AbsolutePath);
    }

    public void KillHard()
    {
        // Process.Kill is SIGKILL on Linux: no shutdown code runs.
        process.Kill();
        process.WaitForExit();
    }

    public async Task<int> StopGracefullyAsync(TimeSpan timeout)
    {
        PublishedBuild.Run("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)], TimeSpan.FromSeconds(10));
        await process.WaitForExitAsync().WaitAsync(timeout);
        return process.ExitCode;
    }

    // Account mails go to the data folder's outbox; registration sends its mail from the background queue.
    public static async Task<MimeMessage> MailToAsync(string dataFolder, string email)
    {
        var outbox = Path.Combine(dataFolder, "outbox");
        for (var i = 0; i < 300; i++)
        {
            var found = Directory.Exists(outbox)
                ? Directory.GetFiles(outbox, "*.eml").Select(path => MimeMessage.Load(path)).FirstOrDefault(m => m.To.Mailboxes.Any(a => a.Address == email))
                : null;
            if (found is not null)
            {
                return found;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"No mail to {email} in {outbox}.");
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            output.AppendLine(line);
        }
    }

    public void Dispose()
    {
        if (!process.HasExited)
        {
            process.Kill();
            process.WaitForExit();
        }

        process.Dispose();
    }
}
