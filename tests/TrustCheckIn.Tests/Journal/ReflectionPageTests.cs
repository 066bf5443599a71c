using AngleSharp.Html.Dom;
using TrustCheckIn.Journal;
using TrustCheckIn.Tests.Infrastructure;

namespace TrustCheckIn.Tests.Journal;

public sealed class ReflectionPageTests(TestApp app) : IClassFixture<TestApp>
{
    private static Dictionary<string, string> Answers(int value, string note = "") =>
        TrustPatterns.All.ToDictionary(p => $"Input.Ratings[{p}]", _ => value.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .Append(new("Input.Note", note)).ToDictionary();

    [Fact]
    public async Task ThePageSaysItIsReflectionNotADiagnosisAndPointsToHelp()
    {
        var browser = await app.SignInAsync(await app.CreateUserAsync());

        var page = await browser.GetPageAsync("/Journal/Reflections");

        var note = page.Document.QuerySelector("#not-a-diagnosis")!.TextContent;
        Assert.Contains("isn't a test or a diagnosis", note, StringComparison.Ordinal);
        Assert.Contains("counsellor or couples therapist", note, StringComparison.Ordinal);
        Assert.Equal(TrustPatterns.All.Count, page.Document.QuerySelectorAll("#reflection-form fieldset legend").Length);
        Assert.NotNull(page.Document.QuerySelector("#trend-empty"));
    }

    [Fact]
    public async Task SavingShowsTheMonthInTheTrendTableInWords()
    {
        var browser = await app.SignInAsync(await app.CreateUserAsync());
        var answers = Answers(2);
        answers["Input.Ratings[Jealousy]"] = "4";

        var page = await browser.SubmitAndReadAsync(await browser.GetPageAsync("/Journal/Reflections"), "#reflection-form", answers);

        var rows = page.Document.QuerySelectorAll("#trend tbody tr").ToList();
        Assert.Equal(TrustPatterns.All.Count, rows.Count);
        var jealousy = rows.Single(r => r.QuerySelector("th")!.TextContent == "Feeling jealous");
        Assert.Equal(["very often", "very often"], jealousy.QuerySelectorAll("td").Select(td => td.TextContent.Trim()));
        Assert.Contains(app.Clock.GetUtcNow().ToString("MMM yyyy", System.Globalization.CultureInfo.InvariantCulture), page.Document.QuerySelector("#trend thead")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("You've already reflected on this month", page.Text, StringComparison.Ordinal);
        Assert.True(page.Document.QuerySelector<IHtmlInputElement>("#rating-Jealousy-4")!.IsChecked);
        // The summary names the months that have a reflection, never the empty ones around them.
        Assert.StartsWith($"You reflected in {app.Clock.GetUtcNow().ToString("MMMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("en-GB"))}.", page.Document.QuerySelector("#trend-summary")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AMissingAnswerIsAskedForKindlyAndEveryOtherAnswerStays()
    {
        var author = await app.CreateUserAsync();
        var browser = await app.SignInAsync(author);
        var answers = Answers(3, "a note I do not want to lose");
        answers.Remove("Input.Ratings[ReadingThreats]");

        var page = await browser.SubmitAndReadAsync(await browser.GetPageAsync("/Journal/Reflections"), "#reflection-form", answers);

        Assert.Contains("Never is a fine answer", page.Document.QuerySelector("#error-ReadingThreats")!.TextContent, StringComparison.Ordinal);
        Assert.True(page.Document.QuerySelector<IHtmlInputElement>("#rating-PullingAway-3")!.IsChecked);
        Assert.True(page.Document.QuerySelector<IHtmlInputElement>("#rating-CheckingForReassurance-3")!.IsChecked);
        Assert.Equal("a note I do not want to lose", page.Document.QuerySelector<IHtmlTextAreaElement>("#Input_Note")!.Value);
        Assert.Null(await app.WithServiceAsync<ReflectionService.ReflectionView?, ReflectionService>(r => r.GetThisMonthAsync(author.Id)));
    }

    [Fact]
    public async Task AnOutOfRangeAnswerIsRefused()
    {
        var browser = await app.SignInAsync(await app.CreateUserAsync());
        var answers = Answers(1);
        answers["Input.Ratings[Overthinking]"] = "9";

        var page = await browser.SubmitAndReadAsync(await browser.GetPageAsync("/Journal/Reflections"), "#reflection-form", answers);

        Assert.NotNull(page.Document.QuerySelector("#error-Overthinking"));
    }

    [Fact]
    public async Task AMonthsReflectionOpensWithItsNoteAndCanBeMarkedShareable()
    {
        var browser = await app.SignInAsync(await app.CreateUserAsync());
        var saved = await browser.SubmitAndReadAsync(await browser.GetPageAsync("/Journal/Reflections"), "#reflection-form", Answers(0, "a calm month"));
        var monthLink = saved.Document.QuerySelector("#trend thead a")!.GetAttribute("href")!;

        var month = await browser.GetPageAsync(monthLink);
        var shared = await browser.SubmitAndReadAsync(month, "#share-form");

        Assert.Contains("a calm month", month.Document.QuerySelector("#reflection")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("You marked this reflection shareable with your therapist on", shared.Text, StringComparison.Ordinal);
    }
}
