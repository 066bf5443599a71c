using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using TrustCheckIn.Tests.Infrastructure;
using TrustCheckIn.Tests.Security;

namespace TrustCheckIn.Tests.Operations;

// The app in Production settings on real Kestrel over plain HTTP on loopback, as behind nginx.
public class ProxiedApp : TestApp
{
    public ProxiedApp() => UseKestrel(options => options.Listen(IPAddress.Loopback, 0));

    public Uri Address
    {
        get
        {
            StartServer();
            return new Uri(Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        }
    }

    public HttpClient Proxy(bool forwardHttps = true) => ProxyClient.To(Address, new Uri(PublicAddress).Host, forwardHttps);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseEnvironment("Production");
    }
}

// Trusts only a proxy at another address: loopback's forwarded headers are a stranger's claim.
public sealed class UntrustingProxiedApp : ProxiedApp
{
    public UntrustingProxiedApp() => WithSetting("ReverseProxy:KnownProxies:0", "10.20.30.40");
}

public sealed class ReverseProxyTests(ProxiedApp app) : IClassFixture<ProxiedApp>
{
    [Fact]
    public async Task ThroughATrustedProxyEveryFormPageRendersAndAcceptsItsPost()
    {
        var email = $"{Guid.NewGuid():N}@example.test";
        var browser = app.Proxy();

        var registered = await browser.SubmitAsync(await browser.GetPageAsync("/Account/Register"), "#register-form", new()
        {
            ["Input.DisplayName"] = "Sam", ["Input.Email"] = email, ["Input.Password"] = TestApp.Password, ["Input.ConfirmPassword"] = TestApp.Password,
        });
        var confirm = new Uri(TestApp.LinkIn(Assert.Single(app.MailTo(email)), "/Account/ConfirmEmail"));
        var confirmed = await browser.SubmitAsync(await browser.GetPageAsync(confirm.PathAndQuery), "#confirm-email-form");
        var signedInAfterRegistering = await browser.SubmitAsync(await browser.GetPageAsync("/Account/Login"), "#login-form", new() { ["Input.Email"] = email, ["Input.Password"] = TestApp.Password });
        // A partner in a couple sees every partner form.
        var (partner, _) = await app.CreateCoupleAsync();
        browser = app.Proxy();
        var signedIn = await browser.SubmitAsync(await browser.GetPageAsync("/Account/Login"), "#login-form", new() { ["Input.Email"] = partner.Email, ["Input.Password"] = partner.Password });

        Assert.Equal(HttpStatusCode.OK, registered.StatusCode);
        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        Assert.Equal("/", signedInAfterRegistering.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Equal("/", signedIn.RequestMessage!.RequestUri!.AbsolutePath);
        var failures = new List<string>();
        var forms = 0;
        foreach (var route in PageRoutes.All(app.Services).Where(r => !r.Contains('{', StringComparison.Ordinal) && r != "/Account/Logout"))
        {
            var page = await browser.GetPageAsync(route);
            if ((int)page.Response.StatusCode >= 500)
            {
                failures.Add($"GET {route}: {(int)page.Response.StatusCode}");
                continue;
            }

            var postForms = page.Document.QuerySelectorAll<IHtmlFormElement>("form[method=post]")
                .Where(f => !(f.GetAttribute("action") ?? "").Contains("Logout", StringComparison.OrdinalIgnoreCase)).ToList();
            foreach (var (form, index) in postForms.Select((f, i) => (f, i)))
            {
                var selector = form.Id is { Length: > 0 } id ? $"#{id}" : $"form[method=post]:nth-of-type({index + 1})";
                if (page.Document.QuerySelector(selector) != form)
                {
                    continue;
                }

                forms++;
                var posted = await browser.SubmitAsync(page, selector);
                // 400 is what antiforgery answers when it cannot see HTTPS; 5xx is what it used to answer.
                if (posted.StatusCode == HttpStatusCode.BadRequest || (int)posted.StatusCode >= 500)
                {
                    failures.Add($"POST {route} {selector}: {(int)posted.StatusCode}");
                }
            }
        }

        Assert.Empty(failures);
        Assert.True(forms >= 20, $"Only {forms} forms were posted.");
        var stillSignedIn = await browser.SubmitAsync(await browser.GetPageAsync("/Journal/New"), "#entry-form", new() { ["Input.Text"] = "Written through the proxy" });
        Assert.StartsWith("/Journal/Entry/", stillSignedIn.RequestMessage!.RequestUri!.AbsolutePath, StringComparison.Ordinal);
        Assert.Contains("Written through the proxy", await stillSignedIn.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PlainHttpGoesToThePublicHttpsAddressAndHttpsGetsHstsWithoutAServerHeader()
    {
        var plain = await app.Proxy(forwardHttps: false).GetAsync("/Account/Register?from=mail");
        var proxied = await app.Proxy().GetAsync("/Account/Register");

        Assert.Equal(HttpStatusCode.TemporaryRedirect, plain.StatusCode);
        Assert.Equal($"{TestApp.PublicAddress}/Account/Register?from=mail", plain.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, proxied.StatusCode);
        Assert.True(proxied.Headers.Contains("Strict-Transport-Security"));
        Assert.False(proxied.Headers.Contains("Server"));
        Assert.False(plain.Headers.Contains("Server"));
    }
}

public sealed class UntrustedProxyTests(UntrustingProxiedApp app) : IClassFixture<UntrustingProxiedApp>
{
    [Fact]
    public async Task AForwardedProtoFromAnUntrustedAddressIsIgnored()
    {
        var response = await app.Proxy().GetAsync("/Account/Login");
        var post = await app.Proxy().PostAsync("/Account/Login", new FormUrlEncodedContent([]));

        Assert.Equal(HttpStatusCode.TemporaryRedirect, response.StatusCode);
        Assert.Equal($"{TestApp.PublicAddress}/Account/Login", response.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.TemporaryRedirect, post.StatusCode);
        Assert.False(response.Headers.Contains("Strict-Transport-Security"));
    }
}
