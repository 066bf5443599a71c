using System.Net;
using System.Text;
using AngleSharp.Html.Dom;
using TrustCheckIn.Journal;
using TrustCheckIn.Tests.Infrastructure;

namespace TrustCheckIn.Tests.Operations;

// Posts no browser form makes, but a paste, a proxy or a script can: the page comes back, words kept, with a message.
public sealed class BadFormTests(TestApp app) : IClassFixture<TestApp>
{
    [Fact]
    public async Task AFiveMegabyteJournalEntryComesBackCutToThePagesLimitWithAMessage()
    {
        var (browser, token) = await JournalFormAsync();
        var typed = "I wrote and wrote. " + new string('a', 5_000_000);

        var page = await PostAsync(browser, $"Input.Text={Uri.EscapeDataString(typed[..60_000])}{new string('a', 5_000_000)}&__RequestVerificationToken={Uri.EscapeDataString(token)}");

        Assert.Equal(HttpStatusCode.OK, page.Response.StatusCode);
        Assert.Equal("/Journal/New", page.Url.AbsolutePath);
        Assert.Contains("Up to 10,000 characters", page.Text, StringComparison.Ordinal);
        Assert.Contains("we kept only its first 20,000 characters", Message(page, "Input.Text"), StringComparison.Ordinal);
        Assert.Equal(typed[..(2 * JournalEntry.TextLength)], page.Document.QuerySelector<IHtmlTextAreaElement>("#Input_Text")!.Value);
        Assert.Empty(await EntriesAsync(browser));
    }

    [Fact]
    public async Task ANulByteIsTakenOutAndTheRestIsKeptWithAMessage()
    {
        var (browser, token) = await JournalFormAsync();

        var page = await PostAsync(browser, $"Input.Text=before%00after&__RequestVerificationToken={Uri.EscapeDataString(token)}");
        var raw = await PostAsync(browser, $"Input.Text=raw\0byte&__RequestVerificationToken={Uri.EscapeDataString(token)}");

        Assert.Equal(HttpStatusCode.OK, page.Response.StatusCode);
        Assert.Equal("beforeafter", page.Document.QuerySelector<IHtmlTextAreaElement>("#Input_Text")!.Value);
        Assert.Contains("cannot be saved (a NUL)", Message(page, "Input.Text"), StringComparison.Ordinal);
        Assert.Equal("rawbyte", raw.Document.QuerySelector<IHtmlTextAreaElement>("#Input_Text")!.Value);
        Assert.Empty(await EntriesAsync(browser));
    }

    [Fact]
    public async Task MoreThanAThousandFieldsComeBackWithTheWordsAndAFormMessage()
    {
        var (browser, token) = await JournalFormAsync();
        var body = new StringBuilder("Input.Text=kept+words");
        for (var i = 0; i < 1100; i++)
        {
            body.Append("&extra").Append(i).Append("=1");
        }

        var page = await PostAsync(browser, body.Append("&__RequestVerificationToken=").Append(Uri.EscapeDataString(token)).ToString());

        Assert.Equal(HttpStatusCode.OK, page.Response.StatusCode);
        Assert.Equal("kept words", page.Document.QuerySelector<IHtmlTextAreaElement>("#Input_Text")!.Value);
        Assert.Contains("far more fields than it has", page.Document.QuerySelector(".form-errors")!.TextContent, StringComparison.Ordinal);
        Assert.Empty(await EntriesAsync(browser));
    }

    [Fact]
    public async Task AnOversizeSignInKeepsTheAddressAndUsesTheSmallerDefaultLimit()
    {
        var browser = app.CreateBrowser();
        var login = await browser.GetPageAsync("/Account/Login");
        var token = login.Document.QuerySelector<IHtmlInputElement>("#login-form input[name=__RequestVerificationToken]")!.Value;

        var page = await PostAsync(browser, $"Input.Email=sam%40example.test&Input.Password={new string('p', 100_000)}&__RequestVerificationToken={Uri.EscapeDataString(token)}", "/Account/Login");

        Assert.Equal(HttpStatusCode.OK, page.Response.StatusCode);
        Assert.Equal("sam@example.test", page.Document.QuerySelector<IHtmlInputElement>("#Input_Email")!.Value);
        Assert.NotEmpty(Message(page, "Input.Password"));
    }

    private async Task<(HttpClient Browser, string Token)> JournalFormAsync()
    {
        var (a, _) = await app.CreateCoupleAsync();
        var browser = await app.SignInAsync(a);
        var page = await browser.GetPageAsync("/Journal/New");
        return (browser, page.Document.QuerySelector<IHtmlInputElement>("#entry-form input[name=__RequestVerificationToken]")!.Value);
    }

    private static async Task<HtmlPage> PostAsync(HttpClient browser, string body, string path = "/Journal/New") =>
        await HtmlPage.ReadAsync(await browser.PostAsync(path, new StringContent(body, Encoding.UTF8, "application/x-www-form-urlencoded")));

    private static string Message(HtmlPage page, string field) =>
        page.Document.QuerySelector($"[data-valmsg-for='{field}']")?.TextContent ?? "";

    private static async Task<IEnumerable<IElement>> EntriesAsync(HttpClient browser) =>
        (await browser.GetPageAsync("/Journal")).Document.QuerySelectorAll("a[href^='/Journal/Entry/']");
}
