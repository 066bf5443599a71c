using AngleSharp.Html.Dom;
using TrustCheckIn.Journal;
using TrustCheckIn.Tests.Infrastructure;

namespace TrustCheckIn.Tests.Journal;

public sealed class ChecklistPageTests(TestApp app) : IClassFixture<TestApp>
{
    [Fact]
    public async Task ValuesAndBoundariesAreKeptWithTheDateLastRevisited()
    {
        var browser = await app.SignInAsync(await app.CreateUserAsync());

        var saved = await browser.SubmitAndReadAsync(await browser.GetPageAsync("/Journal/Checklist"), "#checklist-form", new()
        {
            ["Input.CoreValues"] = "honesty\r\n\r\n  kindness  \r\ncuriosity",
            ["Input.Boundaries"] = "I keep Sunday mornings for myself.\r\nI say no to plans after 10pm.",
        });

        var values = saved.Document.QuerySelectorAll("#checklist ul").First().QuerySelectorAll("li").Select(li => li.TextContent).ToList();
        Assert.Equal(["honesty", "kindness", "curiosity"], values);
        Assert.Contains("I say no to plans after 10pm.", saved.Document.QuerySelector("#checklist")!.TextContent, StringComparison.Ordinal);
        Assert.Contains($"Last revisited on {app.Clock.GetUtcNow():d MMMM yyyy}", saved.Document.QuerySelector("#revisited")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("honesty\nkindness\ncuriosity", saved.Document.QuerySelector<IHtmlTextAreaElement>("#Input_CoreValues")!.Value);
    }

    [Fact]
    public async Task TooManyValuesAreRefusedAndEverythingTypedStays()
    {
        var browser = await app.SignInAsync(await app.CreateUserAsync());
        var values = string.Join("\n", Enumerable.Range(1, SelfTrustChecklist.MaxValues + 1).Select(i => $"value {i}"));

        var page = await browser.SubmitAndReadAsync(await browser.GetPageAsync("/Journal/Checklist"), "#checklist-form", new()
        {
            ["Input.CoreValues"] = values,
            ["Input.Boundaries"] = "my boundary stays typed",
        });

        Assert.Contains("Keep it to your 10 most important values", page.Document.QuerySelector("#checklist-form .field-validation-error")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(values, page.Document.QuerySelector<IHtmlTextAreaElement>("#Input_CoreValues")!.Value);
        Assert.Equal("my boundary stays typed", page.Document.QuerySelector<IHtmlTextAreaElement>("#Input_Boundaries")!.Value);
        Assert.Null(page.Document.QuerySelector("#checklist"));
    }

    [Fact]
    public async Task MarkingRevisitedMovesTheDateWithoutChangingTheList()
    {
        var author = await app.CreateUserAsync();
        await app.WithServiceAsync<TrustCheckIn.Common.Result, JournalService>(j => j.SaveChecklistAsync(author.Id, "patience", "time alone"));
        var browser = await app.SignInAsync(author);
        var before = await app.WithServiceAsync<JournalService.ChecklistView?, JournalService>(j => j.GetChecklistAsync(author.Id));

        await browser.SubmitAndReadAsync(await browser.GetPageAsync("/Journal/Checklist"), "#revisited-form");
        var after = await app.WithServiceAsync<JournalService.ChecklistView?, JournalService>(j => j.GetChecklistAsync(author.Id));

        Assert.True(after!.RevisitedAt > before!.RevisitedAt);
        Assert.Equal(["patience"], after.CoreValues);
        Assert.Equal("time alone", after.Boundaries);
    }
}
