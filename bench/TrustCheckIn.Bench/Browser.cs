using System.Net;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace TrustCheckIn.Bench;

public sealed record FormPost(string Url, string Body);

// One person's browser against the app behind a TLS-terminating proxy (X-Forwarded-Proto: https): keeps its
// own cookies (Secure cookies over loopback http) and submits real forms, antiforgery token included.
public sealed class Browser(string baseAddress) : IDisposable
{
    public const string ForwardedProto = "X-Forwarded-Proto";

    private static readonly HtmlParser Parser = new();

    private readonly HttpClient client = new(new SocketsHttpHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = new Uri(baseAddress) };
    private readonly Dictionary<string, string> cookies = new(StringComparer.Ordinal);

    public string CookieHeader => string.Join("; ", cookies.Select(c => $"{c.Key}={c.Value}"));

    public async Task<HttpResponseMessage> SendAsync(HttpMethod method, string url, string? formBody = null)
    {
        using var request = new HttpRequestMessage(method, url);
        request.Headers.Add(ForwardedProto, "https");
        if (cookies.Count > 0)
        {
            request.Headers.Add("Cookie", CookieHeader);
        }

        if (formBody is not null)
        {
            request.Content = new StringContent(formBody, System.Text.Encoding.UTF8, "application/x-www-form-urlencoded");
        }

        var response = await client.SendAsync(request);
        foreach (var header in response.Headers.TryGetValues("Set-Cookie", out var values) ? values : [])
        {
            var pair = header.Split(';', 2)[0].Split('=', 2);
            if (header.Contains("expires=Thu, 01 Jan 1970", StringComparison.OrdinalIgnoreCase))
            {
                cookies.Remove(pair[0]);
            }
            else
            {
                cookies[pair[0]] = pair[1];
            }
        }

        return response;
    }

    public async Task<IHtmlDocument> GetPageAsync(string url)
    {
        var response = await SendAsync(HttpMethod.Get, url);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"GET {url}: {(int)response.StatusCode} {response.Headers.Location}");
        }

        return await Parser.ParseDocumentAsync(await response.Content.ReadAsStringAsync());
    }

    // The form as the browser would send it: its fields with their values (the first choice of each radio
    // group unless set), then the given values.
    public static FormPost Form(IHtmlDocument page, string pageUrl, string selector, Dictionary<string, string>? values = null)
    {
        var form = page.QuerySelector(selector) as IHtmlFormElement ?? throw new InvalidOperationException($"No form {selector} on {pageUrl}.");
        var fields = new List<KeyValuePair<string, string>>();
        var unsetRadios = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var element in form.Elements.OfType<IHtmlElement>())
        {
            var name = element.GetAttribute("name");
            if (string.IsNullOrEmpty(name) || (values?.ContainsKey(name) ?? false))
            {
                continue;
            }

            switch (element)
            {
                case IHtmlInputElement { Type: "radio" } radio when !radio.IsChecked:
                    unsetRadios.TryAdd(name, radio.Value);
                    break;
                case IHtmlInputElement { Type: "checkbox" } box when !box.IsChecked:
                    break;
                case IHtmlInputElement { Type: "submit" }:
                case IHtmlButtonElement:
                    break;
                case IHtmlInputElement input:
                    fields.Add(new(name, input.Value));
                    break;
                case IHtmlTextAreaElement area:
                    fields.Add(new(name, area.Value));
                    break;
                case IHtmlSelectElement choice:
                    fields.Add(new(name, choice.Value ?? ""));
                    break;
            }
        }

        fields.AddRange(unsetRadios.Where(r => !fields.Any(f => f.Key == r.Key)));
        fields.AddRange(values ?? []);
        var action = form.GetAttribute("action") is { Length: > 0 } target ? target : pageUrl;
        var body = string.Join("&", fields.Select(f => $"{Uri.EscapeDataString(f.Key)}={Uri.EscapeDataString(f.Value)}"));
        return new FormPost(action, body);
    }

    public async Task<HttpResponseMessage> SubmitAsync(FormPost post) => await SendAsync(HttpMethod.Post, post.Url, post.Body);

    public async Task SignInAsync(string email, string password, string? authenticatorKey = null)
    {
        var login = await GetPageAsync("/Account/Login");
        var response = await SubmitAsync(Form(login, "/Account/Login", "#login-form", new() { ["Input.Email"] = email, ["Input.Password"] = password }));
        if (authenticatorKey is not null && response.Headers.Location?.OriginalString is { } next && next.Contains("LoginWith2fa", StringComparison.Ordinal))
        {
            var page = await GetPageAsync(next);
            var code = Accounts.Totp.Compute(authenticatorKey, Accounts.Totp.TimeStepAt(DateTimeOffset.UtcNow)).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
            response = await SubmitAsync(Form(page, next, "#login-2fa-form", new() { ["Input.Code"] = code }));
        }

        if (response.StatusCode != HttpStatusCode.Redirect || response.Headers.Location?.OriginalString.Contains("Login", StringComparison.Ordinal) == true || !cookies.ContainsKey("TrustCheckIn.Auth"))
        {
            var said = response.StatusCode == HttpStatusCode.OK
                ? (await Parser.ParseDocumentAsync(await response.Content.ReadAsStringAsync())).QuerySelectorAll(".validation-summary-errors li, .field-validation-error").Select(e => e.TextContent.Trim())
                : [];
            throw new InvalidOperationException($"Sign-in as {email} failed at {response.RequestMessage?.RequestUri}: {(int)response.StatusCode} {response.Headers.Location} {string.Join(" / ", said)}");
        }
    }

    public void Dispose() => client.Dispose();
}
