using System.Net;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using TrustCheckIn.Accounts;
using TrustCheckIn.Data;
using TrustCheckIn.Data.Encryption;
using TrustCheckIn.Tests.Infrastructure;
using TrustCheckIn.Tests.Journal;

namespace TrustCheckIn.Tests.Data;

// Two instances over one database (Database:SharedKeys), each with a data folder of its own, so nothing they
// agree on can come from files: a browser moves between them with the same cookies.
public sealed class SharedKeysTests : IDisposable
{
    private readonly string folderA = AppOnFolder.NewFolder();
    private readonly string folderB = AppOnFolder.NewFolder();
    private readonly List<string> folders = [];
    private readonly string masterKey = TextKeyRing.NewMasterKey();
    private readonly CookieContainer cookies = new();
    private readonly AppOnFolder a;
    private readonly AppOnFolder b;

    public SharedKeysTests()
    {
        a = AppOnFolder.Start(folderA, Shared());
        // Started before anything is written on A, so every key B needs is one it has not loaded.
        b = AppOnFolder.Start(folderB, [.. Shared(), ("ConnectionStrings:Default", a.ConnectionString)]);
    }

    [Fact]
    public async Task ASignInOnOneInstanceIsAcceptedByTheOther()
    {
        var person = await a.CreateUserAsync();
        var onA = Browser(a);
        await onA.SubmitAsync(await onA.GetPageAsync("/Account/Login"), "#login-form", new() { ["Input.Email"] = person.Email, ["Input.Password"] = person.Password });

        var onB = await Browser(b).GetPageAsync("/Journal/New");

        Assert.Equal(HttpStatusCode.OK, onB.Response.StatusCode);
        Assert.NotNull(onB.Document.QuerySelector("#entry-form"));
        Assert.Null(onB.Document.QuerySelector("#login-form"));
    }

    [Fact]
    public async Task AFormFromOneInstancePostedToTheOtherIsSaved()
    {
        var person = await a.CreateUserAsync();
        var onA = await SignedInAsync(a, person);
        var form = await onA.GetPageAsync("/Journal/New");

        var saved = await Browser(b).SubmitAndReadAsync(form, "#entry-form", new() { ["Input.Text"] = "Posted to the other instance." });

        Assert.Equal(HttpStatusCode.OK, saved.Response.StatusCode);
        Assert.Contains("/Journal/Entry/", saved.Url.AbsolutePath, StringComparison.Ordinal);
        Assert.Contains("Posted to the other instance.", saved.Document.QuerySelector("#entry .entry-text")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WordsWrittenOnOneInstanceUnderKeysMadeThereAreReadOnTheOther()
    {
        var (ana, ben) = await a.CreateCoupleAsync("Ana", "Ben");
        var anaOnA = await SignedInAsync(a, ana);
        var entry = await anaOnA.SubmitAndReadAsync(await anaOnA.GetPageAsync("/Journal/New"), "#entry-form", new() { ["Input.Text"] = "Written on A, under my own new key." });
        await anaOnA.SubmitAsync(await anaOnA.GetPageAsync("/Expectations/Add"), "#add-form", new()
        {
            ["Input.Need"] = "Knowing the plan for the evening",
            ["Input.Action"] = "Message if plans change",
            ["Input.Frequency"] = "Daily",
        });

        var entryOnB = await Browser(b).GetPageAsync(entry.Url.AbsolutePath);
        var tableOnB = await (await SignedInAsync(b, ben, new CookieContainer())).GetPageAsync("/Expectations");

        Assert.Contains("Written on A, under my own new key.", entryOnB.Document.QuerySelector("#entry .entry-text")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Message if plans change", tableOnB.Document.QuerySelector("#expectations .action")!.TextContent);
        Assert.DoesNotContain(Directory.GetFiles(folderB, "*", SearchOption.AllDirectories), p => p.EndsWith(".datakey", StringComparison.Ordinal) || p.EndsWith(".xml", StringComparison.Ordinal));
    }

    [Fact]
    public void SharedKeysWithoutAConfiguredMasterKeyStopTheAppAtStartWithAClearMessage()
    {
        var folder = AppOnFolder.NewFolder();

        var error = Assert.ThrowsAny<Exception>(() => AppOnFolder.Start(folder, (SharedState.Setting, "true"), ("Encryption:MasterKey", "")));

        var messages = string.Join(" | ", Chain(error).Select(e => e.Message));
        Assert.Contains("Database:SharedKeys is on", messages, StringComparison.Ordinal);
        Assert.Contains("set Encryption:MasterKey", messages, StringComparison.Ordinal);
        Directory.Delete(folder, recursive: true);
    }

    [Fact]
    public async Task AnotherInstanceWithTheWrongMasterKeyStopsAtStartAndOneRotatingToANewKeyRewrapsTheRows()
    {
        var author = await a.CreateUserAsync();
        var entryId = await a.WriteEntryAsync(author, "Under the first master key.");
        var newMaster = TextKeyRing.NewMasterKey();
        var folderC = AppOnFolder.NewFolder();
        folders.Add(folderC);
        var onTheSameDatabase = ("ConnectionStrings:Default", a.ConnectionString);

        var error = Assert.ThrowsAny<Exception>(() => AppOnFolder.Start(folderC, (SharedState.Setting, "true"), ("Encryption:MasterKey", newMaster), onTheSameDatabase));
        using var rotating = AppOnFolder.Start(folderC, (SharedState.Setting, "true"), ("Encryption:MasterKey", newMaster), ("Encryption:PreviousMasterKeys:0", masterKey), onTheSameDatabase);
        var newMasterId = rotating.Services.GetRequiredService<TextKeyRing>().MasterKeyId;
        var wrappedBy = await rotating.WithDbAsync(db => db.DataKeys.AsNoTracking().Where(k => k.ErasedAt == null).Select(k => k.MasterKeyId).Distinct().ToListAsync());
        var text = await rotating.WithDbAsync(db => db.JournalEntries.AsNoTracking().Where(e => e.Id == entryId).Select(e => e.Text).SingleAsync());

        Assert.Contains("wrapped by master key", string.Join(" | ", Chain(error).Select(e => e.Message)), StringComparison.Ordinal);
        Assert.Equal([newMasterId], wrappedBy);
        Assert.Equal("Under the first master key.", text);
    }

    [Fact]
    public async Task ErasingAnAccountEmptiesItsKeyRowsAndLeavesThemAsTheMarker()
    {
        var person = await a.CreateUserAsync();
        await a.WriteEntryAsync(person, "Soon erased.");

        await a.WithServiceAsync<bool, PersonalDataService>(async data => { await data.EraseAsync(person.Id); return true; });

        var rows = await b.WithDbAsync(db => db.DataKeys.AsNoTracking().Where(k => k.Owner == TextKeyRing.UserOwner(person.Id)).ToListAsync());
        Assert.NotEmpty(rows);
        Assert.All(rows, k => Assert.True(k.Wrapped.Length == 0 && k.ErasedAt is not null));
    }

    [Theory]
    [InlineData(null, null, false)]
    [InlineData("Sqlite", null, false)]
    [InlineData("PostgreSQL", null, true)]
    [InlineData("postgresql", null, true)]
    [InlineData("PostgreSQL", "false", false)]
    [InlineData("Sqlite", "true", true)]
    public void KeysAreSharedByDefaultOnlyOnPostgreSql(string? provider, string? shared, bool expected)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Database:Provider"] = provider, [SharedState.Setting] = shared })
            .Build();

        Assert.Equal(expected, SharedState.KeysInDatabase(configuration));
    }

    public void Dispose()
    {
        b.Dispose();
        a.Dispose();
        foreach (var folder in folders.Append(folderA).Append(folderB))
        {
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (IOException)
            {
                // A file still held open by a pool being torn down; the OS temp folder cleans up after us.
            }
        }
    }

    private (string, string)[] Shared() => [(SharedState.Setting, "true"), ("Encryption:MasterKey", masterKey)];

    // One cookie jar across both instances, as a browser behind a load balancer has.
    private HttpClient Browser(TestApp app, CookieContainer? jar = null) =>
        app.CreateDefaultClient(new Uri(TestApp.PublicAddress), new RedirectHandler(), new CookieContainerHandler(jar ?? cookies));

    private async Task<HttpClient> SignedInAsync(TestApp app, TestUser user, CookieContainer? jar = null)
    {
        var browser = Browser(app, jar);
        var response = await browser.SubmitAsync(await browser.GetPageAsync("/Account/Login"), "#login-form", new() { ["Input.Email"] = user.Email, ["Input.Password"] = user.Password });
        Assert.DoesNotContain("/Account/Login", (await HtmlPage.ReadAsync(response)).Url.AbsolutePath, StringComparison.Ordinal);
        return browser;
    }

    private static IEnumerable<Exception> Chain(Exception error)
    {
        for (var e = (Exception?)error; e is not null; e = e.InnerException)
        {
            yield return e;
        }
    }
}
