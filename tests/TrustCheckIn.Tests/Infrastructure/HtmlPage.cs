using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace TrustCheckIn.Tests.Infrastructure;

public sealed record HtmlPage(Uri Url, HttpResponseMessage Response, string Html, IHtmlDocument Document)
{
    public static async Task<HtmlPage> ReadAsync(HttpResponseMessage response)
    {
        var html = await response.Content.ReadAsStringAsync();
        var document = await new HtmlParser().ParseDocumentAsync(html);
        return new HtmlPage(response.RequestMessage!.RequestUri!, response, html, document);
    }

    public string Text => Document.Body?.TextContent ?? "";

    // ICU puts a narrow no-break space before AM/PM; tests compare with the ordinary space people type.
    public static string Spaced(string text) => text.Replace('\u202f', ' ').Trim();
}

public static class HtmlForms
{
    public static async Task<HtmlPage> GetPageAsync(this HttpClient client, string url) =>
        await HtmlPage.ReadAsync(await client.GetAsync(url));

    // Submits a form the way a browser does: every field it holds (antiforgery token included), with
    // the given values put in place of what the page filled in.
    public static Task<HttpResponseMessage> SubmitAsync(this HttpClient client, HtmlPage page, string formSelector, Dictionary<string, string>? values = null)
    {
        var form = page.Document.QuerySelector<IHtmlFormElement>(formSelector)
            ?? throw new InvalidOperationException($"No form {formSelector} on {page.Url}.");
        var fields = new List<KeyValuePair<string, string>>();
        foreach (var element in form.Elements)
        {
            switch (element)
            {
                case IHtmlInputElement { Type: "checkbox" or "radio", IsChecked: false }:
                case IHtmlInputElement { Type: "submit" or "button" or "reset" }:
                case IHtmlButtonElement:
                    break;
                case IHtmlInputElement input when !string.IsNullOrEmpty(input.Name):
                    fields.Add(new(input.Name, input.Value));
                    break;
                case IHtmlTextAreaElement area when !string.IsNullOrEmpty(area.Name):
                    fields.Add(new(area.Name, area.Value));
                    break;
                case IHtmlSelectElement select when !string.IsNullOrEmpty(select.Name):
                    fields.Add(new(select.Name, select.Value ?? ""));
                    break;
            }
        }

        foreach (var (name, value) in values ?? [])
        {
            fields.RemoveAll(f => f.Key == name);
            fields.Add(new(name, value));
        }

        var action = form.GetAttribute("action");
        var target = string.IsNullOrEmpty(action) ? page.Url : new Uri(page.Url, action);
        return client.PostAsync(target, new FormUrlEncodedContent(fields.Select(f => new KeyValuePair<string?, string?>(f.Key, f.Value))));
    }

    // A post with a page's own antiforgery token, to a request that page never offered (a forged or guessed URL).
    public static Task<HttpResponseMessage> PostWithTokenOfAsync(this HttpClient client, HtmlPage page, string url, Dictionary<string, string>? values = null) =>
        client.PostAsync(url, new FormUrlEncodedContent((values ?? []).Append(new("__RequestVerificationToken", page.Document.QuerySelector<IHtmlInputElement>("input[name='__RequestVerificationToken']")!.Value))));

    public static async Task<HtmlPage> SubmitAndReadAsync(this HttpClient client, HtmlPage page, string formSelector, Dictionary<string, string>? values = null) =>
        await HtmlPage.ReadAsync(await client.SubmitAsync(page, formSelector, values));
}
