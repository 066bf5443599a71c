using System.Diagnostics;
using System.Globalization;

namespace TrustCheckIn.Bench;

// The published app as its own process on a loopback port, over a copy of a seeded database. Its CPU time
// (user + system, all threads) is read from /proc, so only the server's work is counted.
public sealed class AppProcess : IDisposable
{
    private static readonly double TicksPerSecond = 100;

    private readonly Process process;
    private int commandsLogged;

    private AppProcess(Process process, string address)
    {
        this.process = process;
        Address = address;
    }

    public string Address { get; }

    public int CommandsLogged => Volatile.Read(ref commandsLogged);

    public static async Task<AppProcess> StartAsync(string appFolder, IReadOnlyDictionary<string, string> database, string dataFolder, int port, bool logSql)
    {
        Directory.CreateDirectory(dataFolder);
        var address = $"http://127.0.0.1:{port}";
        var start = new ProcessStartInfo("dotnet", [Path.Combine(appFolder, "TrustCheckIn.Web.dll")])
        {
            WorkingDirectory = appFolder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        var settings = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["ASPNETCORE_URLS"] = address,
            ["ASPNETCORE_FORWARDEDHEADERS_ENABLED"] = "true",
            ["DataFolder"] = dataFolder,
            // Outside Development the public address must be https; the bench speaks http as the proxy would.
            ["App__BaseUrl"] = $"https://127.0.0.1:{port}",
            ["Reminders__Enabled"] = "false",
            ["RateLimits__SensitivePostsPerMinute"] = "1000000",
            ["RateLimits__PerAccountPerMinute"] = "1000000",
            ["Logging__LogLevel__Default"] = "Warning",
            ["Logging__LogLevel__Microsoft.EntityFrameworkCore.Database.Command"] = logSql ? "Information" : "Warning",
        };
        foreach (var (key, value) in settings.Concat(database))
        {
            start.Environment[key] = value;
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("The app did not start.");
        var app = new AppProcess(process, address);
        process.OutputDataReceived += (_, e) => app.Count(e.Data);
        process.ErrorDataReceived += (_, e) => app.Count(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var probe = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        for (var attempt = 0; attempt < 600; attempt++)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"The app exited during start-up with code {process.ExitCode}.");
            }

            try
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, address + "/");
                request.Headers.Add(Browser.ForwardedProto, "https");
                if ((await probe.SendAsync(request)).IsSuccessStatusCode)
                {
                    return app;
                }
            }
            catch (HttpRequestException)
            {
            }

            await Task.Delay(200);
        }

        throw new TimeoutException("The app did not answer within two minutes.");
    }

    private void Count(string? line)
    {
        if (line is null)
        {
            return;
        }

        if (line.Contains("Executed DbCommand", StringComparison.Ordinal))
        {
            Interlocked.Increment(ref commandsLogged);
        }
        else if (line.Contains("fail:", StringComparison.Ordinal) || line.Contains("crit:", StringComparison.Ordinal))
        {
            Console.Error.WriteLine($"  app: {line}");
        }
    }

    // Waits until the asynchronous console log has been quiet for a moment.
    public async Task<int> SettledCommandCountAsync()
    {
        var last = -1;
        while (last != CommandsLogged)
        {
            last = CommandsLogged;
            await Task.Delay(250);
        }

        return last;
    }

    public TimeSpan CpuTime()
    {
        var stat = File.ReadAllText($"/proc/{process.Id}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
        return TimeSpan.FromSeconds(ticks / TicksPerSecond);
    }

    public void Dispose()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
        }

        process.Dispose();
    }
}
