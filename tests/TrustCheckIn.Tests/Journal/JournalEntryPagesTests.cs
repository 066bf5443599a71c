using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TrustCheckIn.Data;
using TrustCheckIn.Journal;
using TrustCheckIn.Tests.Infrastructure;

namespace TrustCheckIn.Tests.Journal;

public sealed class JournalEntryPagesTests(TestApp app) : IClassFixture<TestApp>
{
    [Fact]
    public async Task WriteReadEditAndDeleteAnEntry()
    {
        var author = await app.CreateUserAsync();
        var browser = await app.SignInAsync(author);

        var written = await browser.SubmitAndReadAsync(await browser.GetPageAsync("/Journal/New?prompt=KindWord"), "#entry-form", new()
        {
            ["Input.Text"] = "You did your best today.\r\nThat is enough.",
        });
        var entryUrl = written.Url.AbsolutePath;
        var edited = await browser.SubmitAndReadAsync(await browser.GetPageAsync(entryUrl.Replace("/Entry/", "/Edit/", StringComparison.Ordinal)), "#entry-form", new()
        {
            ["Input.Text"] = "You did your best today, and that is enough.",
            ["Input.Prompt"] = "",
        });
        var confirm = await browser.GetPageAsync(entryUrl.Replace("/Entry/", "/Delete/", StringComparison.Ordinal));
        var afterDelete = await browser.SubmitAndReadAsync(confirm, "#delete-form");
        var gone = await browser.GetAsync(entryUrl);

        Assert.Contains("What kind word would I offer a friend", written.Text, StringComparison.Ordinal);
        Assert.Contains("You did your best today.\nThat is enough.", written.Document.QuerySelector("#entry .entry-text")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("You did your best today, and that is enough.", edited.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("What kind word", edited.Text, StringComparison.Ordinal);
        Assert.Contains("can't be brought back", confirm.Text, StringComparison.Ordinal);
        Assert.Contains("The entry is deleted.", afterDelete.Text, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
        Assert.Equal(0, await CountEntriesAsync(author.Id));
    }

    [Fact]
    public async Task OpeningTheDeletePageAloneDeletesNothing()
    {
        var author = await app.CreateUserAsync();
        var id = await app.WriteEntryAsync(author, "still here");
        var browser = await app.SignInAsync(author);

        var confirm = await browser.GetPageAsync($"/Journal/Delete/{id}");

        Assert.Contains("still here", confirm.Text, StringComparison.Ordinal);
        Assert.Equal(1, await CountEntriesAsync(author.Id));
    }

    [Fact]
    public async Task AnEmptyEntryIsRefusedAndKeepsTheChosenPromptAndSharing()
    {
        var browser = await app.SignInAsync(await app.CreateUserAsync());

        var page = await browser.SubmitAndReadAsync(await browser.GetPageAsync("/Journal/New"), "#entry-form", new()
        {
            ["Input.Prompt"] = "Boundary",
            ["Input.Text"] = "   ",
            ["Input.ShareableWithTherapist"] = "true",
        });

        Assert.Contains("Please write something first", page.Document.QuerySelector("#entry-form .field-validation-error")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Boundary", page.Document.QuerySelector<IHtmlSelectElement>("#Input_Prompt")!.Value);
        Assert.True(page.Document.QuerySelector<IHtmlInputElement>("#Input_ShareableWithTherapist")!.IsChecked);
    }

    [Fact]
    public async Task ATooLongEntryIsRefusedAndKeepsEveryCharacter()
    {
        var author = await app.CreateUserAsync();
        var browser = await app.SignInAsync(author);
        var text = "I keep writing. " + new string('a', JournalEntry.TextLength);

        var page = await browser.SubmitAndReadAsync(await browser.GetPageAsync("/Journal/New"), "#entry-form", new() { ["Input.Text"] = text });

        Assert.Contains("up to 10,000 characters", page.Document.QuerySelector("#entry-form .field-validation-error")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(text, page.Document.QuerySelector<IHtmlTextAreaElement>("#Input_Text")!.Value);
        Assert.Equal(0, await CountEntriesAsync(author.Id));
    }

    [Fact]
    public async Task AnEditThatFailsKeepsTheNewWordsNotTheOldOnes()
    {
        var author = await app.CreateUserAsync();
        var id = await app.WriteEntryAsync(author, "the old words");
        var browser = await app.SignInAsync(author);
        var longer = new string('b', JournalEntry.TextLength + 1);

        var page = await browser.SubmitAndReadAsync(await browser.GetPageAsync($"/Journal/Edit/{id}"), "#entry-form", new() { ["Input.Text"] = longer });

        Assert.Equal(longer, page.Document.QuerySelector<IHtmlTextAreaElement>("#Input_Text")!.Value);
        Assert.Contains("the old words", (await browser.GetPageAsync($"/Journal/Entry/{id}")).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SearchFindsOnlyTheAuthorsOwnEntries()
    {
        var (author, partner) = await app.CreateCoupleAsync();
        await app.WriteEntryAsync(author, "The lighthouse walk helped me breathe.");
        await app.WriteEntryAsync(author, "A quiet day at home.");
        await app.WriteEntryAsync(partner, "Partner's LIGHTHOUSE secret thoughts.");
        var stranger = await app.CreateUserAsync();
        await app.WriteEntryAsync(stranger, "A stranger's lighthouse too.");
        var browser = await app.SignInAsync(author);

        var index = await browser.GetPageAsync("/Journal");
        var results = await browser.GetPageAsync("/Journal?q=Lighthouse");

        var found = results.Document.QuerySelectorAll("#entries > li").Select(li => li.TextContent).ToList();
        Assert.Contains("The lighthouse walk", Assert.Single(found), StringComparison.Ordinal);
        Assert.DoesNotContain("secret", results.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("stranger", results.Text, StringComparison.Ordinal);
        Assert.Equal("get", index.Document.QuerySelector<IHtmlFormElement>("#search-form")!.Method);
        Assert.Equal("q", index.Document.QuerySelector<IHtmlInputElement>("#search-form input[type=search]")!.Name);
        Assert.Equal("Lighthouse", results.Document.QuerySelector<IHtmlInputElement>("#q")!.Value);
    }

    [Fact]
    public async Task SearchTreatsPercentAndUnderscoreAsPlainText()
    {
        var author = await app.CreateUserAsync();
        await app.WriteEntryAsync(author, "I'm 100% sure I matter.");
        await app.WriteEntryAsync(author, "snake_case thoughts");
        await app.WriteEntryAsync(author, "plain words only");

        var percent = await SearchAsync(author.Id, "%");
        var underscore = await SearchAsync(author.Id, "_");
        var nothing = await SearchAsync(author.Id, "100%x");

        Assert.Equal(["I'm 100% sure I matter."], percent);
        Assert.Equal(["snake_case thoughts"], underscore);
        Assert.Empty(nothing);
    }

    [Fact]
    public async Task TheListIsPagedNewestFirst()
    {
        var author = await app.CreateUserAsync();
        for (var i = 1; i <= JournalService.PageSize + 2; i++)
        {
            await app.WriteEntryAsync(author, $"Entry number {i:00}");
        }

        var browser = await app.SignInAsync(author);

        var first = await browser.GetPageAsync("/Journal");
        var older = first.Document.QuerySelectorAll("a").Single(a => a.TextContent == "Older entries").GetAttribute("href")!;
        var second = await browser.GetPageAsync(older);

        var firstPage = first.Document.QuerySelectorAll("#entries .entry-text").Select(e => e.TextContent).ToList();
        var secondPage = second.Document.QuerySelectorAll("#entries .entry-text").Select(e => e.TextContent).ToList();
        Assert.Equal(JournalService.PageSize, firstPage.Count);
        Assert.Equal("Entry number 12", firstPage[0]);
        Assert.Equal(["Entry number 02", "Entry number 01"], secondPage);
        Assert.Contains(second.Document.QuerySelectorAll("a"), a => a.TextContent == "Newer entries");
    }

    [Fact]
    public async Task MarkingAnEntryShareableRecordsTheDateAndCanBeUndone()
    {
        var author = await app.CreateUserAsync();
        var id = await app.WriteEntryAsync(author, "something for my therapist");
        var browser = await app.SignInAsync(author);

        var marked = await browser.SubmitAndReadAsync(await browser.GetPageAsync($"/Journal/Entry/{id}"), "#share-form");
        var markedView = await app.WithServiceAsync<JournalService.EntryView?, JournalService>(j => j.GetAsync(author.Id, id));
        var unmarked = await browser.SubmitAndReadAsync(marked, "#share-form");
        var unmarkedView = await app.WithServiceAsync<JournalService.EntryView?, JournalService>(j => j.GetAsync(author.Id, id));

        Assert.Contains("You marked this entry shareable with your therapist on", marked.Text, StringComparison.Ordinal);
        Assert.True(markedView!.ShareableWithTherapist);
        Assert.Equal(app.Clock.GetUtcNow().UtcDateTime.Date, markedView.MarkedShareableAt!.Value.Date);
        Assert.Contains("This entry is just for you.", unmarked.Text, StringComparison.Ordinal);
        Assert.False(unmarkedView!.ShareableWithTherapist);
        Assert.Null(unmarkedView.MarkedShareableAt);
    }

    private async Task<List<string>> SearchAsync(string authorId, string word)
    {
        var page = await app.WithServiceAsync<JournalService.EntryPage, JournalService>(j => j.ListAsync(authorId, 1, word));
        return page.Entries.Select(e => e.Excerpt).ToList();
    }

    private async Task<int> CountEntriesAsync(string authorId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().JournalEntries.CountAsync(e => e.AuthorId == authorId);
    }
}
