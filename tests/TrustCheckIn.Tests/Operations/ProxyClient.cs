using System.Net;

namespace TrustCheckIn.Tests.Operations;

// What a TLS-terminating proxy on loopback sends on: plain HTTP, the public Host, X-Forwarded-Proto: https.
// Cookies are kept by hand (and can be handed to another client) because the app marks them Secure, which
// HttpClient would not send over http.
public sealed class ProxyClient : DelegatingHandler
{
    private readonly string host;
    private readonly bool forwardHttps;

    public ProxyClient(string host, bool forwardHttps)
    {
        this.host = host;
        this.forwardHttps = forwardHttps;
    }

    public System.Collections.Concurrent.ConcurrentDictionary<string, string> Cookies { get; } = new();

    public static HttpClient To(Uri server, string host, bool forwardHttps = true) =>
        new(new ProxyClient(host, forwardHttps) { InnerHandler = new SocketsHttpHandler { UseCookies = false, AllowAutoRedirect = false } }) { BaseAddress = server };

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        for (var hop = 0; ; hop++)
        {
            request.Headers.Host = host;
            if (forwardHttps)
            {
                request.Headers.Add("X-Forwarded-Proto", "https");
            }

            if (Cookies.Count > 0)
            {
                request.Headers.Add("Cookie", string.Join("; ", Cookies.Select(c => $"{c.Key}={c.Value}")));
            }

            var response = await base.SendAsync(request, cancellationToken);
            foreach (var header in response.Headers.TryGetValues("Set-Cookie", out var values) ? values : [])
            {
                var pair = header.Split(';', 2)[0].Split('=', 2);
                if (header.Contains("expires=Thu, 01 Jan 1970", StringComparison.OrdinalIgnoreCase))
                {
                    Cookies.TryRemove(pair[0], out _);
                }
                else
                {
                    Cookies[pair[0]] = pair[1];
                }
            }

            // Follow the app's own relative redirects; an absolute one (to the public https address) is the answer.
            if (hop > 10 || response.StatusCode is not (HttpStatusCode.Found or HttpStatusCode.SeeOther or HttpStatusCode.Redirect)
                || response.Headers.Location is not { IsAbsoluteUri: false } location)
            {
                return response;
            }

            request = new HttpRequestMessage(HttpMethod.Get, new Uri(request.RequestUri!, location));
        }
    }
}
