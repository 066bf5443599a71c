using System.Net;
using Microsoft.Extensions.DependencyInjection;
using TrustCheckIn.Couples;
using TrustCheckIn.Journal;
using TrustCheckIn.Tests.Infrastructure;

namespace TrustCheckIn.Tests.Journal;

public sealed class JournalPrivacyTests(TestApp app) : IClassFixture<TestApp>
{
    private async Task<(TestUser Author, Dictionary<string, HttpClient> Others)> AuthorAndOthersAsync()
    {
        var (author, partner) = await app.CreateCoupleAsync();
        var (otherCouple, _) = await app.CreateCoupleAsync();
        var others = new Dictionary<string, HttpClient>
        {
            ["partner"] = await app.SignInAsync(partner),
            ["another couple's member"] = await app.SignInAsync(otherCouple),
            ["administrator"] = await app.SignInAsync(await app.AdministratorAsync()),
        };
        return (author, others);
    }

    [Fact]
    public async Task EveryoneElseGetsNotFoundOnEveryJournalUrlOfTheAuthor()
    {
        var (author, others) = await AuthorAndOthersAsync();
        var seeded = await app.WriteEverythingAsync(author, "canary-404");
        var gets = new[]
        {
            $"/Journal/Entry/{seeded.EntryId}", $"/Journal/Edit/{seeded.EntryId}",
            $"/Journal/Delete/{seeded.EntryId}", $"/Journal/Reflection/{seeded.ReflectionId}",
        };
        var posts = new[]
        {
            $"/Journal/Edit/{seeded.EntryId}", $"/Journal/Delete/{seeded.EntryId}",
            $"/Journal/Entry/{seeded.EntryId}?handler=Share&shareable=false",
            $"/Journal/Reflection/{seeded.ReflectionId}?handler=Share&shareable=false",
        };
        var failures = new List<string>();

        foreach (var (who, browser) in others)
        {
            foreach (var url in gets)
            {
                var response = await browser.GetAsync(url);
                if (response.StatusCode != HttpStatusCode.NotFound)
                {
                    failures.Add($"{who} GET {url}: {(int)response.StatusCode}");
                }
            }

            foreach (var url in posts)
            {
                var response = await browser.PostWithOwnTokenAsync(url);
                if (response.StatusCode != HttpStatusCode.NotFound)
                {
                    failures.Add($"{who} POST {url}: {(int)response.StatusCode}");
                }
            }
        }

        await using var scope = app.Services.CreateAsyncScope();
        var entry = await scope.ServiceProvider.GetRequiredService<JournalService>().GetAsync(author.Id, seeded.EntryId);
        var reflection = await scope.ServiceProvider.GetRequiredService<ReflectionService>().GetAsync(author.Id, seeded.ReflectionId);
        Assert.Empty(failures);
        Assert.Contains("canary-404-entry", entry!.Text, StringComparison.Ordinal);
        Assert.True(entry.ShareableWithTherapist);
        Assert.True(reflection!.ShareableWithTherapist);
    }

    [Fact]
    public async Task NoJournalTextAppearsInAnyPageSomeoneElseCanOpen()
    {
        var (author, others) = await AuthorAndOthersAsync();
        const string canary = "zebracanary";
        await app.WriteEverythingAsync(author, canary);
        var pendingTherapist = await app.SignInAsync(await app.CreateUserAsync(asTherapist: true));
        var pages = new[]
        {
            "/", "/Journal", $"/Journal?q={canary}", "/Journal/Reflections", "/Journal/Checklist",
            "/Couple", "/Admin/Therapists", "/Account/Manage",
        };
        var leaks = new List<string>();
        var opened = 0;

        foreach (var (who, browser) in others.Append(new("pending therapist", pendingTherapist)))
        {
            foreach (var url in pages)
            {
                var page = await browser.GetPageAsync(url);
                opened += page.Response.StatusCode == HttpStatusCode.OK ? 1 : 0;
                // A search page echoes the word its viewer typed; anything more than that echo is a leak.
                var html = page.Html
                    .Replace($"value=\"{canary}\"", "", StringComparison.Ordinal)
                    .Replace($"<span class=\"search-word\">{canary}</span>", "", StringComparison.Ordinal);
                if (html.Contains(canary, StringComparison.OrdinalIgnoreCase))
                {
                    leaks.Add($"{who}: {url}");
                }
            }
        }

        var partnersSearch = await others["partner"].GetPageAsync($"/Journal?q={canary}");
        var authorsOwn = await (await app.SignInAsync(author)).GetPageAsync($"/Journal?q={canary}");
        Assert.Empty(leaks);
        Assert.True(opened >= 20, $"Only {opened} pages opened; the scan must cover real pages.");
        Assert.NotNull(partnersSearch.Document.QuerySelector("#no-entries"));
        Assert.Contains($"{canary}-entry", authorsOwn.Document.QuerySelector("#entries")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ATherapistAccountCannotOpenTheJournalAtAll()
    {
        var (author, _) = await app.CreateCoupleAsync();
        var seeded = await app.WriteEverythingAsync(author, "canary-therapist");
        var therapist = await app.SignInAsync(await app.CreateUserAsync(asTherapist: true));

        var index = await therapist.GetAsync("/Journal");
        var entry = await therapist.GetAsync($"/Journal/Entry/{seeded.EntryId}");

        Assert.Equal(HttpStatusCode.NotFound, index.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, entry.StatusCode);
    }

    [Fact]
    public async Task TheJournalStaysWithItsAuthorAfterLeavingTheCouple()
    {
        var (author, partner) = await app.CreateCoupleAsync();
        var entryId = await app.WriteEntryAsync(author, "written while together");
        await app.WithServiceAsync<TrustCheckIn.Common.Result, CoupleService>(couples => couples.LeaveAsync(partner.Id));
        var browser = await app.SignInAsync(author);

        var entry = await browser.GetPageAsync($"/Journal/Entry/{entryId}");
        var written = await browser.SubmitAndReadAsync(await browser.GetPageAsync("/Journal/New"), "#entry-form", new() { ["Input.Text"] = "written after leaving" });

        Assert.Contains("written while together", entry.Text, StringComparison.Ordinal);
        Assert.Contains("written after leaving", written.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SomeoneWhoNeverPairedHasAJournalToo()
    {
        var browser = await app.SignInAsync(await app.CreateUserAsync());

        var written = await browser.SubmitAndReadAsync(await browser.GetPageAsync("/Journal/New"), "#entry-form", new() { ["Input.Text"] = "on my own for now" });

        Assert.Equal(HttpStatusCode.OK, written.Response.StatusCode);
        Assert.Contains("on my own for now", written.Document.QuerySelector("#entry")!.TextContent, StringComparison.Ordinal);
    }
}
