using System.Net;
using AngleSharp.Html.Dom;
using TrustCheckIn.Tests.Infrastructure;

namespace TrustCheckIn.Tests.Security;

// One text field of one form: how to open the form, what else it needs to be accepted, and the pages that
// show what was typed there (checked once the field has taken every payload).
public sealed record HostileField(
    string Name,
    HttpClient Browser,
    Func<int, string> FormUrl,
    string FormSelector,
    string Field,
    Dictionary<string, string>? Others = null,
    bool FreshFormEachTime = false,
    Func<Task<IReadOnlyList<(string What, string Body)>>>? Views = null);

public static class HostileInput
{
    public static IReadOnlyList<string> Payloads { get; } = File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "Security", "HostilePayloads.txt"))
        .Where(line => line.Length > 0 && !line.StartsWith("# ", StringComparison.Ordinal))
        .ToList();

    // Each submission carries its own number, so an encoded copy of one payload never passes for a raw copy of another.
    public static string Tagged(int i) => $"{Payloads[i]} #{i}";

    public static IEnumerable<string> AllTagged => Enumerable.Range(0, Payloads.Count).Select(Tagged);

    private static bool IsTheAppsOwnScript(AngleSharp.Dom.IElement element) =>
        element.LocalName == "script" && element.ParentElement?.LocalName == "head" && element.TextContent.Length == 0
        && element.GetAttribute("src") is { } src && src.StartsWith("/js/", StringComparison.Ordinal) && !src.Contains("//", StringComparison.Ordinal);

    private static readonly string[] UrlAttributes = ["href", "src", "action", "formaction", "xlink:href", "data", "background", "poster"];

    // Markup that would run, in a page the app rendered: the app itself ships only its own script files, in the
    // head, empty and from /js/ (strict CSP, everything works without them).
    public static IEnumerable<string> ExecutableIn(HtmlPage page)
    {
        foreach (var element in page.Document.All)
        {
            if (IsTheAppsOwnScript(element))
            {
                continue;
            }

            if (element.LocalName is "script" or "iframe" or "object" or "embed" or "base" or "frame" or "applet")
            {
                yield return $"<{element.LocalName}>";
            }

            if (element.LocalName == "meta" && element.GetAttribute("http-equiv") is { } equiv && equiv.Equals("refresh", StringComparison.OrdinalIgnoreCase))
            {
                yield return "<meta refresh>";
            }

            foreach (var attribute in element.Attributes)
            {
                if (attribute.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase) || attribute.Name is "srcdoc" or "style")
                {
                    yield return $"<{element.LocalName} {attribute.Name}>";
                }

                var value = new string(attribute.Value.Where(c => !char.IsWhiteSpace(c) && !char.IsControl(c)).ToArray());
                if (UrlAttributes.Contains(attribute.Name, StringComparer.OrdinalIgnoreCase)
                    && (value.StartsWith("javascript:", StringComparison.OrdinalIgnoreCase) || value.StartsWith("vbscript:", StringComparison.OrdinalIgnoreCase)
                        || (value.StartsWith("data:", StringComparison.OrdinalIgnoreCase) && element.LocalName != "img")))
                {
                    yield return $"<{element.LocalName} {attribute.Name}=\"{attribute.Value}\">";
                }
            }
        }
    }

    // A payload with markup characters must only ever come back HTML-encoded.
    public static bool ReflectsRaw(string body, string payload) =>
        payload.IndexOfAny(['<', '>', '"', '\'', '&']) >= 0 && body.Contains(payload, StringComparison.Ordinal);

    public static bool HasValidationMessage(HtmlPage page) =>
        page.Document.QuerySelector(".field-validation-error, .validation-summary-errors li, .form-errors li") is not null;

    public static IEnumerable<string> Problems(string what, HttpStatusCode status, HtmlPage? page, string body, string payload)
    {
        if ((int)status >= 500)
        {
            yield return $"{what}: {(int)status}";
        }

        if (page is not null)
        {
            foreach (var executable in ExecutableIn(page))
            {
                yield return $"{what}: {executable} for payload {payload}";
            }
        }

        if (ReflectsRaw(body, payload))
        {
            yield return $"{what}: raw payload {payload}";
        }
    }

    // Submits every payload through the field; returns the problems found and the number of payloads tried.
    public static async Task<(List<string> Problems, int Tried)> RunAsync(HostileField field)
    {
        var problems = new List<string>();
        HtmlPage? form = null;
        var tried = 0;
        var echoed = 0;
        for (var i = 0; i < Payloads.Count; i++)
        {
            var payload = Tagged(i);
            if (form is null || field.FreshFormEachTime)
            {
                form = await field.Browser.GetPageAsync(field.FormUrl(i));
            }

            var page = await SubmitAsync(field, form, i, payload);
            tried++;
            problems.AddRange(Problems($"{field.Name} → {page.Url.PathAndQuery}", page.Response.StatusCode, page, page.Html, payload));
            echoed += page.Text.Contains(payload, StringComparison.Ordinal)
                || page.Document.QuerySelectorAll<IHtmlInputElement>("input").Any(e => e.Value == payload) ? 1 : 0;
        }

        // The words must come back as text somewhere, or the absence of markup proves nothing.
        if (echoed == 0)
        {
            problems.Add($"{field.Name}: no payload was ever shown back as text");
        }

        foreach (var (what, body) in field.Views is null ? [] : await field.Views())
        {
            var page = body.TrimStart().StartsWith('<') ? await HtmlPage.ReadAsync(new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(body), RequestMessage = new HttpRequestMessage(HttpMethod.Get, "https://trustcheckin.test/") }) : null;
            problems.AddRange(AllTagged.SelectMany(p => Problems($"{field.Name} shown on {what}", HttpStatusCode.OK, null, body, p)).Distinct());
            if (page is not null)
            {
                problems.AddRange(ExecutableIn(page).Select(e => $"{field.Name} shown on {what}: {e}"));
            }
        }

        return (problems, tried);
    }

    // One submission of the form with text in the field (and what else the field needs to be accepted).
    public static Task<HtmlPage> SubmitAsync(HostileField field, HtmlPage form, int i, string text)
    {
        var values = RadioDefaults(form, field.FormSelector);
        foreach (var (key, value) in field.Others ?? [])
        {
            values[key] = value.Replace("{i}", i.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        }

        values[field.Field] = text;
        return field.Browser.SubmitAndReadAsync(form, field.FormSelector, values);
    }

    // Radio groups with nothing chosen get their first choice, so a form is accepted on its text alone.
    private static Dictionary<string, string> RadioDefaults(HtmlPage page, string formSelector)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var form = page.Document.QuerySelector<IHtmlFormElement>(formSelector)
            ?? throw new InvalidOperationException($"No form {formSelector} on {page.Url} ({(int)page.Response.StatusCode}).");
        foreach (var group in form.QuerySelectorAll<IHtmlInputElement>("input[type=radio]").GroupBy(r => r.Name ?? ""))
        {
            if (group.Key.Length > 0 && !group.Any(r => r.IsChecked))
            {
                values[group.Key] = group.First().Value;
            }
        }

        return values;
    }

    public static async Task<(string What, string Body)> ViewAsync(HttpClient browser, string url) =>
        (url, await (await browser.GetAsync(url)).Content.ReadAsStringAsync());
}
