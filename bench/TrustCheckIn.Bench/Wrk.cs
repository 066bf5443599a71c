using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace TrustCheckIn.Bench;

public sealed record Measurement(double CpuMsPerRequest, double RequestsPerSecond, double P50Ms, double P99Ms, long Requests, long Errors);

// wrk (Debian's package) at a fixed number of connections against one URL, GET or a form POST, with the
// session's cookies; the server's CPU per request comes from /proc around the run.
public static partial class Wrk
{
    public static async Task<Measurement> RunAsync(AppProcess app, string url, string? cookie, FormPost? post, int connections, int seconds, string scratch)
    {
        // A 10 s timeout: on a busy shared machine a slow answer is latency (p99), not a failed request.
        var arguments = new List<string> { "-t2", $"-c{connections}", $"-d{seconds}s", "--timeout", "10s", "--latency", "-H", $"{Browser.ForwardedProto}: https" };
        if (cookie is { Length: > 0 })
        {
            arguments.AddRange(["-H", $"Cookie: {cookie}"]);
        }

        if (post is not null)
        {
            var script = Path.Combine(scratch, $"post-{Guid.NewGuid():N}.lua");
            await File.WriteAllTextAsync(script,
                $"wrk.method = \"POST\"\nwrk.body = \"{post.Body}\"\nwrk.headers[\"Content-Type\"] = \"application/x-www-form-urlencoded\"\n");
            arguments.AddRange(["-s", script]);
        }

        arguments.Add(app.Address + (post?.Url ?? url));
        var before = app.CpuTime();
        var output = await RunToEndAsync("wrk", arguments);
        if (post is not null)
        {
            File.Delete(arguments[arguments.IndexOf("-s") + 1]);
        }

        var cpu = app.CpuTime() - before;

        var requests = long.Parse(Required(RequestsLine(), output), CultureInfo.InvariantCulture);
        var errors = (NonSuccess().Match(output) is { Success: true } bad ? long.Parse(bad.Groups[1].Value, CultureInfo.InvariantCulture) : 0)
            + SocketErrors().Matches(output).Sum(m => long.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture));
        return new Measurement(
            requests == 0 ? double.NaN : cpu.TotalMilliseconds / requests,
            double.Parse(Required(RateLine(), output), CultureInfo.InvariantCulture),
            Latency(output, "50%"),
            Latency(output, "99%"),
            requests,
            errors);
    }

    public static async Task<string> RunToEndAsync(string file, IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo(file, arguments) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{file} did not start.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} failed ({process.ExitCode}): {await error}");
        }

        return await output;
    }

    private static string Required(Regex pattern, string output) =>
        pattern.Match(output) is { Success: true } match ? match.Groups[1].Value : throw new InvalidOperationException("Unexpected wrk output:\n" + output);

    private static double Latency(string output, string percentile)
    {
        var match = Regex.Match(output, $@"^\s*{Regex.Escape(percentile)}\s+([\d.]+)(us|ms|s)\s*$", RegexOptions.Multiline);
        if (!match.Success)
        {
            return double.NaN;
        }

        var value = double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
        return match.Groups[2].Value switch { "us" => value / 1000, "s" => value * 1000, _ => value };
    }

    [GeneratedRegex(@"(\d+) requests in")]
    private static partial Regex RequestsLine();

    [GeneratedRegex(@"Requests/sec:\s+([\d.]+)")]
    private static partial Regex RateLine();

    [GeneratedRegex(@"Non-2xx or 3xx responses: (\d+)")]
    private static partial Regex NonSuccess();

    [GeneratedRegex(@"(?:connect|read|write|timeout) (\d+)")]
    private static partial Regex SocketErrors();
}
