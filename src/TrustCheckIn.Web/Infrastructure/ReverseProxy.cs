using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace TrustCheckIn.Web.Infrastructure;

// Behind a TLS-terminating proxy the app sees plain HTTP from the proxy; it believes X-Forwarded-* only from the
// proxies listed under ReverseProxy (loopback when none are listed), so nobody else can claim to be on HTTPS.
public static class ReverseProxy
{
    public const string Section = "ReverseProxy";

    public static void AddReverseProxySupport(this WebApplicationBuilder builder)
    {
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.AddServerHeader = false);
        var section = builder.Configuration.GetSection(Section);
        var proxies = section.GetSection("KnownProxies").Get<string[]>() ?? [];
        var networks = section.GetSection("KnownNetworks").Get<string[]>() ?? [];
        builder.Services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = section.GetValue("Headers", ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto);
            if (proxies.Length + networks.Length > 0)
            {
                options.KnownProxies.Clear();
                options.KnownIPNetworks.Clear();
                foreach (var proxy in proxies)
                {
                    options.KnownProxies.Add(IPAddress.Parse(proxy));
                }

                foreach (var network in networks)
                {
                    options.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
                }
            }
        });
    }
}
