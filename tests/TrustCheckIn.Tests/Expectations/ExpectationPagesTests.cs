using System.Net;
using AngleSharp.Html.Dom;
using TrustCheckIn.Tests.Infrastructure;

namespace TrustCheckIn.Tests.Expectations;

public sealed class ExpectationPagesTests(TestApp app) : IClassFixture<TestApp>
{
    [Fact]
    public async Task PartnersAddAndEditARowThroughTheRealForms()
    {
        var (a, b) = await app.CreateCoupleAsync("Ana", "Ben");
        var aBrowser = await app.SignInAsync(a);
        var bBrowser = await app.SignInAsync(b);

        var added = await aBrowser.SubmitAndReadAsync(await aBrowser.GetPageAsync("/Expectations/Add"), "#add-form", new()
        {
            ["Input.Need"] = "Knowing the plan for the evening",
            ["Input.Action"] = "Message if plans change",
            ["Input.Frequency"] = "Custom",
            ["Input.CustomFrequency"] = "Whenever plans change",
        });
        var bTable = await bBrowser.GetPageAsync("/Expectations");
        var editLink = bTable.Document.QuerySelector("#expectations a[href^='/Expectations/Edit/']")!.GetAttribute("href")!;
        var saved = await bBrowser.SubmitAndReadAsync(await bBrowser.GetPageAsync(editLink), "#edit-form", new()
        {
            ["Input.Action"] = "Send a quick message as soon as plans change",
            ["Input.Frequency"] = "Daily",
        });
        var aTable = await aBrowser.GetPageAsync("/Expectations");
        var history = await aBrowser.GetPageAsync("/Expectations/History");

        Assert.Contains("Added.", added.Text, StringComparison.Ordinal);
        Assert.Contains("Whenever plans change", bTable.Text, StringComparison.Ordinal);
        Assert.Contains("Saved.", saved.Text, StringComparison.Ordinal);
        Assert.Equal("Send a quick message as soon as plans change", aTable.Document.QuerySelector("#expectations .action")!.TextContent);
        Assert.Equal("How often: Daily", aTable.Document.QuerySelector("#expectations .frequency")!.TextContent);
        var latest = history.Document.QuerySelector("#revisions li")!;
        Assert.Contains("Ben changed a row", latest.TextContent, StringComparison.Ordinal);
        Assert.Equal(["Message if plans change", "Whenever plans change"], latest.QuerySelectorAll(".before").Select(e => e.TextContent));
        Assert.Equal(["Send a quick message as soon as plans change", "Daily"], latest.QuerySelectorAll(".after").Select(e => e.TextContent));
    }

    [Fact]
    public async Task TheSecondSaveShowsBothVersionsAndKeepsWhatWasTyped()
    {
        var (aBrowser, bBrowser, aEdit, bEdit) = await app.BothEditingOneRowAsync();

        await aBrowser.SubmitAndReadAsync(aEdit, "#edit-form", new() { ["Input.Action"] = "Plans shared over breakfast, as Ana wrote" });
        var conflict = await bBrowser.SubmitAndReadAsync(bEdit, "#edit-form", new() { ["Input.Action"] = "Plans shared by message, as Ben wrote" });
        var tableMeanwhile = await bBrowser.GetPageAsync("/Expectations");
        var resaved = await bBrowser.SubmitAndReadAsync(conflict, "#edit-form");
        var history = await aBrowser.GetPageAsync("/Expectations/History");

        Assert.Equal(HttpStatusCode.OK, conflict.Response.StatusCode);
        Assert.Contains("Ana saved a change to this row while you were editing", conflict.Document.QuerySelector("#conflict")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Plans shared over breakfast, as Ana wrote", conflict.Document.QuerySelector("#conflict-theirs")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Plans shared by message, as Ben wrote", conflict.Document.QuerySelector("#conflict-yours")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Plans shared by message, as Ben wrote", conflict.Document.QuerySelector<IHtmlTextAreaElement>("#Input_Action")!.Value);
        Assert.Equal("2", conflict.Document.QuerySelector<IHtmlInputElement>("#Input_Version")!.Value);
        Assert.Contains("Plans shared over breakfast, as Ana wrote", tableMeanwhile.Text, StringComparison.Ordinal);
        Assert.Contains("Plans shared by message, as Ben wrote", resaved.Document.QuerySelector("#expectations")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Plans shared over breakfast, as Ana wrote", history.Text, StringComparison.Ordinal);
        Assert.Contains("Plans shared by message, as Ben wrote", history.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ValidationErrorsKeepEverythingTyped()
    {
        var (a, _) = await app.CreateCoupleAsync();
        var browser = await app.SignInAsync(a);
        var addPage = await browser.GetPageAsync("/Expectations/Add");

        var noNeed = await browser.SubmitAndReadAsync(addPage, "#add-form", new() { ["Input.Need"] = "", ["Input.Action"] = "An action worth keeping" });
        var noCustomWords = await browser.SubmitAndReadAsync(addPage, "#add-form", new()
        {
            ["Input.Need"] = "A need worth keeping",
            ["Input.Action"] = "Another action worth keeping",
            ["Input.Frequency"] = "Custom",
        });

        Assert.Equal("Please write the need this row is about.", FieldError(noNeed, "Input.Need"));
        Assert.Equal("An action worth keeping", noNeed.Document.QuerySelector<IHtmlTextAreaElement>("#Input_Action")!.Value);
        Assert.StartsWith("Please say how often in your own words", FieldError(noCustomWords, "Input.CustomFrequency"), StringComparison.Ordinal);
        Assert.Equal("A need worth keeping", noCustomWords.Document.QuerySelector<IHtmlInputElement>("#Input_Need")!.Value);
        Assert.Equal("Another action worth keeping", noCustomWords.Document.QuerySelector<IHtmlTextAreaElement>("#Input_Action")!.Value);
        Assert.True(noCustomWords.Document.QuerySelector<IHtmlInputElement>("#frequency-Custom")!.IsChecked);
        Assert.Null((await browser.GetPageAsync("/Expectations")).Document.QuerySelector("#expectations"));
    }

    [Fact]
    public async Task AnEditThatIsTooLongKeepsTheTypedText()
    {
        var (a, _) = await app.CreateCoupleAsync();
        var browser = await app.SignInAsync(a);
        await browser.SubmitAndReadAsync(await browser.GetPageAsync("/Expectations"), "#starter-digital-form");
        var editUrl = (await browser.GetPageAsync("/Expectations")).Document.QuerySelector("#expectations a[href^='/Expectations/Edit/']")!.GetAttribute("href")!;
        var longNeed = new string('n', 101);

        var page = await browser.SubmitAndReadAsync(await browser.GetPageAsync(editUrl), "#edit-form", new() { ["Input.Need"] = longNeed });

        Assert.Equal("Please keep the need to 100 characters.", FieldError(page, "Input.Need"));
        Assert.Equal(longNeed, page.Document.QuerySelector<IHtmlInputElement>("#Input_Need")!.Value);
    }

    [Fact]
    public async Task StarterSetsAreAddedOnceThenNoLongerOfferedAndRowsMoveWithPlainButtons()
    {
        var (a, b) = await app.CreateCoupleAsync();
        var aBrowser = await app.SignInAsync(a);
        var bBrowser = await app.SignInAsync(b);
        // Ben's page was opened before Ana added the set: his click still adds nothing twice.
        var bStale = await bBrowser.GetPageAsync("/Expectations");

        var first = await aBrowser.SubmitAndReadAsync(await aBrowser.GetPageAsync("/Expectations"), "#starter-start-form");
        var second = await bBrowser.SubmitAndReadAsync(bStale, "#starter-start-form");
        var ids = RowIds(second);
        var moved = await aBrowser.SubmitAndReadAsync(await aBrowser.GetPageAsync("/Expectations"), $"#move-down-{ids[0]}");
        var movedBack = await aBrowser.SubmitAndReadAsync(moved, $"#move-up-{ids[0]}");

        Assert.Contains("Added 3 rows", first.Text, StringComparison.Ordinal);
        Assert.Null(first.Document.QuerySelector("#starter-start-form"));
        Assert.NotNull(first.Document.QuerySelector("#starter-digital-form"));
        Assert.Contains("already in your table", second.Text, StringComparison.Ordinal);
        Assert.Equal(3, ids.Count);
        Assert.Equal([ids[1], ids[0], ids[2]], RowIds(moved));
        Assert.Equal(ids, RowIds(movedBack));
        Assert.Null(moved.Document.QuerySelector($"#move-up-{ids[1]}"));
        Assert.Null(moved.Document.QuerySelector($"#move-down-{ids[2]}"));
        Assert.All(moved.Document.QuerySelectorAll("script"), script => Assert.StartsWith("/js/site.", script.GetAttribute("src"), StringComparison.Ordinal));
    }

    [Fact]
    public async Task ARemovedRowComesBackFromTheHistory()
    {
        var (a, b) = await app.CreateCoupleAsync("Ana", "Ben");
        var aBrowser = await app.SignInAsync(a);
        var bBrowser = await app.SignInAsync(b);
        var table = await aBrowser.SubmitAndReadAsync(await aBrowser.GetPageAsync("/Expectations"), "#starter-start-form");
        var id = RowIds(table)[1];

        var removed = await aBrowser.SubmitAndReadAsync(table, $"#remove-{id}");
        var history = await bBrowser.GetPageAsync("/Expectations/History");
        var restored = await bBrowser.SubmitAndReadAsync(history, $"#restore-{id}");
        var after = await aBrowser.GetPageAsync("/Expectations");

        Assert.Contains("you can bring it back from the history", removed.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(id, RowIds(removed));
        Assert.Contains("Ana removed a row", history.Text, StringComparison.Ordinal);
        Assert.Contains("It's back in your table", restored.Text, StringComparison.Ordinal);
        Assert.Null(restored.Document.QuerySelector($"#restore-{id}"));
        Assert.Equal(id, RowIds(after)[^1]);
    }

    [Fact]
    public async Task FollowThroughIsNotedNoticedAndSummedUpGently()
    {
        var (a, b) = await app.CreateCoupleAsync("Ana", "Ben");
        var aBrowser = await app.SignInAsync(a);
        var bBrowser = await app.SignInAsync(b);
        var table = await aBrowser.SubmitAndReadAsync(await aBrowser.GetPageAsync("/Expectations"), "#starter-start-form");
        var rowUrl = table.Document.QuerySelector("#expectations .follow-through a")!.GetAttribute("href")!;

        var noted = await aBrowser.SubmitAndReadAsync(await aBrowser.GetPageAsync(rowUrl), "#did-form", new() { ["Input.Note"] = "Told Ben about the late meeting" });
        var bRow = await bBrowser.GetPageAsync(rowUrl);
        var noticeForm = bRow.Document.QuerySelector("#follow-throughs form")!.Id!;
        var noticed = await bBrowser.SubmitAndReadAsync(bRow, $"#{noticeForm}");
        var bTable = await bBrowser.GetPageAsync("/Expectations");
        var aRow = await aBrowser.GetPageAsync(rowUrl);

        Assert.Contains("Noted.", noted.Text, StringComparison.Ordinal);
        Assert.Null(noted.Document.QuerySelector("#follow-throughs form"));
        Assert.Contains("Told Ben about the late meeting", bRow.Text, StringComparison.Ordinal);
        Assert.Contains("Thank you for noticing.", noticed.Text, StringComparison.Ordinal);
        Assert.Equal("Done once in the last 4 weeks, and noticed too.", bTable.Document.QuerySelector("#expectations .follow-through")!.FirstChild!.TextContent.Trim());
        Assert.Contains("Your partner noticed.", aRow.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ATooLongFollowThroughNoteIsKept()
    {
        var (a, _) = await app.CreateCoupleAsync();
        var browser = await app.SignInAsync(a);
        var table = await browser.SubmitAndReadAsync(await browser.GetPageAsync("/Expectations"), "#starter-start-form");
        var rowUrl = table.Document.QuerySelector("#expectations .follow-through a")!.GetAttribute("href")!;
        var note = new string('w', 201);

        var page = await browser.SubmitAndReadAsync(await browser.GetPageAsync(rowUrl), "#did-form", new() { ["Input.Note"] = note });

        Assert.Equal("Please keep the note to 200 characters.", FieldError(page, "Input.Note"));
        Assert.Equal(note, page.Document.QuerySelector<IHtmlTextAreaElement>("#Input_Note")!.Value);
    }

    private static List<string> RowIds(HtmlPage page) =>
        page.Document.QuerySelectorAll("#expectations tbody > tr").Select(row => row.Id!["row-".Length..]).ToList();

    private static string FieldError(HtmlPage page, string field) =>
        page.Document.QuerySelector($"[data-valmsg-for='{field}']")?.TextContent ?? "";
}
