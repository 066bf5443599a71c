using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;

namespace TrustCheckIn.Tests.Notifications;

// web-push-testing (npm, installed by .ci/run into tests/push-service) as a real push service on loopback:
// it hands out subscriptions, checks the VAPID signature, decrypts what it receives and can expire a subscription.
public sealed class LoopbackPushService : IAsyncDisposable
{
    private readonly Process process;
    private readonly HttpClient http;

    private LoopbackPushService(Process process, int port)
    {
        this.process = process;
        http = new HttpClient { BaseAddress = new Uri($"http://localhost:{port}") };
    }

    public sealed record Subscription(string Endpoint, string P256dh, string Auth, string ClientHash);

    public static async Task<LoopbackPushService> StartAsync()
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "TrustCheckIn.sln")))
        {
            root = root.Parent;
        }

        var server = Path.Combine(root?.FullName ?? throw new InvalidOperationException("No repository root above the test binaries."), "tests", "push-service", "node_modules", "web-push-testing", "src", "bin", "server.js");
        if (!File.Exists(server))
        {
            throw new InvalidOperationException($"{server} is missing: run `npm ci --prefix tests/push-service` (.ci/run does).");
        }

        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        var process = Process.Start(new ProcessStartInfo("node", [server, port.ToString(System.Globalization.CultureInfo.InvariantCulture)])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        }) ?? throw new InvalidOperationException("node did not start.");
        var service = new LoopbackPushService(process, port);
        for (var attempt = 0; attempt < 100; attempt++)
        {
            try
            {
                if ((await service.http.PostAsync("/status", null)).IsSuccessStatusCode)
                {
                    return service;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(100);
        }

        await service.DisposeAsync();
        throw new TimeoutException("web-push-testing did not answer on /status.");
    }

    public async Task<Subscription> SubscribeAsync(string applicationServerKey)
    {
        var response = await http.PostAsJsonAsync("/subscribe", new { userVisibleOnly = "true", applicationServerKey });
        response.EnsureSuccessStatusCode();
        var data = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("data");
        var keys = data.GetProperty("keys");
        return new Subscription(data.GetProperty("endpoint").GetString()!, keys.GetProperty("p256dh").GetString()!, keys.GetProperty("auth").GetString()!, data.GetProperty("clientHash").GetString()!);
    }

    // What the service received and decrypted with the subscription's keys.
    public async Task<IReadOnlyList<string>> MessagesAsync(string clientHash)
    {
        var response = await http.PostAsJsonAsync("/get-notifications", new { clientHash });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("data").GetProperty("messages").EnumerateArray().Select(m => m.GetString()!).ToList();
    }

    public async Task ExpireAsync(string clientHash) => (await http.PostAsync($"/expire-subscription/{clientHash}", null)).EnsureSuccessStatusCode();

    public async ValueTask DisposeAsync()
    {
        http.Dispose();
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        process.Dispose();
    }
}
