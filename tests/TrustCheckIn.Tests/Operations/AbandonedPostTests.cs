using System.Net;
using System.Net.Sockets;
using System.Text;

namespace TrustCheckIn.Tests.Operations;

// A phone that loses its signal halfway through sending a form: Kestrel sees the body end early. The published
// app, as an operator runs it, must not log that as an error of its own, and keeps serving.
[Collection(PublishedAppCollection.Name)]
public sealed class AbandonedPostTests(PublishedBuild build) : IDisposable
{
    private const string Host = "trustcheckin.test";
    private readonly string data = Directory.CreateTempSubdirectory("trustcheckin-abandoned-").FullName;

    [Fact]
    public async Task AFormWhoseSenderGoesAwayMidwayIsNotLoggedAsAnErrorAndTheAppKeepsServing()
    {
        var port = PublishedBuild.FreePort();
        using var app = PublishedProcess.Start(build, PublishedProcess.Settings(data, port, $"https://{Host}"));
        await app.WaitUntilReadyAsync(port, Host);

        for (var attempt = 0; attempt < 3; attempt++)
        {
            using var connection = new TcpClient();
            await connection.ConnectAsync(IPAddress.Loopback, port);
            var head = $"POST /Account/Login HTTP/1.1\r\nHost: {Host}\r\nX-Forwarded-Proto: https\r\n"
                + "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 500\r\n\r\nInput.Email=someone%40example.test";
            await connection.GetStream().WriteAsync(Encoding.ASCII.GetBytes(head));
            await Task.Delay(200);
        }

        var page = await ProxyClient.To(new Uri($"http://127.0.0.1:{port}"), Host).GetAsync("/Account/Login");
        await Task.Delay(500);

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.DoesNotContain("fail:", app.Output, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(data, recursive: true);
}
