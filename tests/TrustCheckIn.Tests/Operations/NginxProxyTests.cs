using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.RegularExpressions;
using TrustCheckIn.Tests.Infrastructure;

namespace TrustCheckIn.Tests.Operations;

// The README's nginx block, run by Debian's nginx with a throwaway certificate on loopback, in front of the
// published app in Production: the way the README tells an operator to put it on the internet.
[Collection(PublishedAppCollection.Name)]
public sealed partial class NginxProxyTests(PublishedBuild build) : IDisposable
{
    // A real name (HSTS is never sent for loopback names), resolved to loopback by the test's own client.
    private const string Host = "trustcheckin.test";
    private readonly string folder = Directory.CreateTempSubdirectory("trustcheckin-nginx-").FullName;

    [Fact]
    public async Task BehindTheReadmeNginxOverHttpsRegisterConfirmSignInAndPostAFormWork()
    {
        var nginx = new[] { "/usr/sbin/nginx", "/usr/bin/nginx" }.FirstOrDefault(File.Exists);
        Assert.True(nginx is not null, "nginx is not installed (bash .ci/run installs Debian's nginx-light).");
        var (appPort, httpsPort, httpPort) = (PublishedBuild.FreePort(), PublishedBuild.FreePort(), PublishedBuild.FreePort());
        var certificate = WriteCertificate();
        var data = Directory.CreateDirectory(Path.Combine(folder, "data")).FullName;
        File.WriteAllText(Path.Combine(folder, "site.conf"), ReadmeSite()
            .Replace("listen 443 ssl;", $"listen 127.0.0.1:{httpsPort} ssl;", StringComparison.Ordinal)
            .Replace("listen 80;", $"listen 127.0.0.1:{httpPort};", StringComparison.Ordinal)
            .Replace("/etc/letsencrypt/live/checkin.example.org/fullchain.pem", Path.Combine(folder, "cert.pem"), StringComparison.Ordinal)
            .Replace("/etc/letsencrypt/live/checkin.example.org/privkey.pem", Path.Combine(folder, "key.pem"), StringComparison.Ordinal)
            .Replace("server_name checkin.example.org;", $"server_name {Host};", StringComparison.Ordinal)
            .Replace("http://127.0.0.1:5000", $"http://127.0.0.1:{appPort}", StringComparison.Ordinal));
        File.WriteAllText(Path.Combine(folder, "nginx.conf"), $$"""
            {{(Environment.UserName == "root" ? "user root;" : "")}}
            worker_processes 1;
            daemon off;
            pid {{folder}}/nginx.pid;
            error_log {{folder}}/error.log warn;
            events { worker_connections 64; }
            http {
                access_log off;
                client_body_temp_path {{folder}}/body;
                proxy_temp_path {{folder}}/proxy;
                fastcgi_temp_path {{folder}}/fastcgi;
                uwsgi_temp_path {{folder}}/uwsgi;
                scgi_temp_path {{folder}}/scgi;
                include {{folder}}/site.conf;
            }
            """);
        var publicAddress = $"https://{Host}:{httpsPort}";
        using var app = PublishedProcess.Start(build, PublishedProcess.Settings(data, appPort, publicAddress));
        using var proxy = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo(nginx!, ["-p", folder, "-c", Path.Combine(folder, "nginx.conf")]) { RedirectStandardError = true })!;
        try
        {
            await app.WaitUntilReadyAsync(appPort, Host);
            using var handler = new SocketsHttpHandler
            {
                ConnectCallback = ToLoopbackAsync,
                // Only the certificate this test made is accepted.
                SslOptions = { RemoteCertificateValidationCallback = (_, presented, _, _) => presented is X509Certificate2 c && c.Thumbprint == certificate.Thumbprint },
                CookieContainer = new CookieContainer(),
            };
            using var browser = new HttpClient(handler) { BaseAddress = new Uri(publicAddress) };
            var email = $"{Guid.NewGuid():N}@example.test";

            using var plainClient = new HttpClient(new SocketsHttpHandler { ConnectCallback = ToLoopbackAsync, AllowAutoRedirect = false });
            var plain = await plainClient.GetAsync($"http://{Host}:{httpPort}/Account/Login");
            var registerPage = await browser.GetPageAsync("/Account/Register");
            var registered = await browser.SubmitAndReadAsync(registerPage, "#register-form", new()
            {
                ["Input.DisplayName"] = "Sam", ["Input.Email"] = email, ["Input.Password"] = TestApp.Password, ["Input.ConfirmPassword"] = TestApp.Password,
            });
            var link = TestApp.LinkIn(await PublishedProcess.MailToAsync(data, email), "/Account/ConfirmEmail");
            var confirmed = await browser.SubmitAndReadAsync(await browser.GetPageAsync(link), "#confirm-email-form");
            var home = await browser.SubmitAndReadAsync(await browser.GetPageAsync("/Account/Login"), "#login-form", new() { ["Input.Email"] = email, ["Input.Password"] = TestApp.Password });
            var entry = await browser.SubmitAndReadAsync(await browser.GetPageAsync("/Journal/New"), "#entry-form", new() { ["Input.Text"] = "Written over HTTPS through nginx" });

            Assert.Equal(HttpStatusCode.MovedPermanently, plain.StatusCode);
            Assert.Equal($"https://{Host}/Account/Login", plain.Headers.Location!.OriginalString);
            Assert.Equal(HttpStatusCode.OK, registerPage.Response.StatusCode);
            Assert.True(registerPage.Response.Headers.Contains("Strict-Transport-Security"));
            Assert.Contains("Check your e-mail", registered.Text, StringComparison.Ordinal);
            Assert.StartsWith($"{publicAddress}/Account/ConfirmEmail?", link, StringComparison.Ordinal);
            Assert.Contains("your e-mail is confirmed", confirmed.Text, StringComparison.Ordinal);
            Assert.Equal("/", home.Url.AbsolutePath);
            Assert.Null(home.Document.QuerySelector("#login-form"));
            Assert.StartsWith("/Journal/Entry/", entry.Url.AbsolutePath, StringComparison.Ordinal);
            Assert.Contains("Written over HTTPS through nginx", entry.Text, StringComparison.Ordinal);
            Assert.DoesNotContain("Unhandled", app.Output, StringComparison.Ordinal);
        }
        finally
        {
            proxy.Kill();
            await proxy.WaitForExitAsync();
        }
    }

    private static async ValueTask<Stream> ToLoopbackAsync(SocketsHttpConnectionContext context, CancellationToken ct)
    {
        var socket = new System.Net.Sockets.Socket(System.Net.Sockets.SocketType.Stream, System.Net.Sockets.ProtocolType.Tcp);
        await socket.ConnectAsync(IPAddress.Loopback, context.DnsEndPoint.Port, ct);
        return new System.Net.Sockets.NetworkStream(socket, ownsSocket: true);
    }

    private static string ReadmeSite()
    {
        var readme = File.ReadAllText(Path.Combine(PublishedBuild.RepositoryRoot, "README.md"));
        var block = NginxBlock().Match(readme);
        Assert.True(block.Success, "README.md has no ```nginx block.");
        return block.Groups[1].Value;
    }

    private X509Certificate2 WriteCertificate()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest($"CN={Host}", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName(Host);
        request.CertificateExtensions.Add(names.Build());
        var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(2));
        File.WriteAllText(Path.Combine(folder, "cert.pem"), certificate.ExportCertificatePem());
        File.WriteAllText(Path.Combine(folder, "key.pem"), key.ExportPkcs8PrivateKeyPem());
        return certificate;
    }

    [GeneratedRegex("```nginx\\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex NginxBlock();

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }
}
