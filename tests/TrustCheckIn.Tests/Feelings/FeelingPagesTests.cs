using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.Extensions.DependencyInjection;
using TrustCheckIn.Couples;
using TrustCheckIn.Tests.Infrastructure;

namespace TrustCheckIn.Tests.Feelings;

public sealed class FeelingPagesTests(TestApp app) : IClassFixture<TestApp>
{
    private static readonly string[] Lists = ["Drafts", "SharedByMe", "SharedWithMe"];

    [Fact]
    public async Task PreviewShowsTheWholeSentenceAndGentleHintsKeepingEverythingTyped()
    {
        var (a, _) = await app.CreateCoupleAsync();
        var browser = await app.SignInAsync(a);

        var page = await PreviewAsync(browser, await browser.GetPageAsync("/Feelings/Compose"), new()
        {
            ["Input.Feeling"] = "disconnected",
            ["Input.Situation"] = "you never tell me what's going on in your day",
            ["Input.Need"] = "us to share our plans in the morning",
        });
        var drafts = await browser.GetPageAsync("/Feelings?list=Drafts");

        Assert.Equal(HttpStatusCode.OK, page.Response.StatusCode);
        Assert.Equal("I feel disconnected when you never tell me what's going on in your day. I'd like us to share our plans in the morning.",
            page.Document.QuerySelector("#preview-sentence")?.TextContent);
        Assert.Equal("you never", page.Document.QuerySelector("#situation-gentle .gentle-hint-phrase")?.TextContent);
        Assert.Null(page.Document.QuerySelector("#need-gentle .gentle-hints"));
        Assert.Equal("disconnected", page.Document.QuerySelector<IHtmlSelectElement>("#Input_Feeling")!.Value);
        Assert.Equal("you never tell me what's going on in your day", page.Document.QuerySelector<IHtmlTextAreaElement>("#Input_Situation")!.Value);
        Assert.Equal("us to share our plans in the morning", page.Document.QuerySelector<IHtmlTextAreaElement>("#Input_Need")!.Value);
        Assert.Contains("No drafts right now.", drafts.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FeelingsAreOfferedInGroupsAndAnOwnWordWins()
    {
        var (a, _) = await app.CreateCoupleAsync();
        var browser = await app.SignInAsync(a);
        var compose = await browser.GetPageAsync("/Feelings/Compose");

        var page = await PreviewAsync(browser, compose, new()
        {
            ["Input.Feeling"] = "sad",
            ["Input.OwnFeeling"] = "wobbly",
            ["Input.Situation"] = "when we say goodbye at the station",
        });

        Assert.True(compose.Document.QuerySelectorAll("#Input_Feeling optgroup").Length >= 5);
        Assert.True(compose.Document.QuerySelectorAll("#Input_Feeling optgroup option").Length >= 30);
        Assert.Equal("I feel wobbly when we say goodbye at the station.", page.Document.QuerySelector("#preview-sentence")?.TextContent);
    }

    [Fact]
    public async Task SavingAfterAPreviewSavesTheDraft()
    {
        var (a, _) = await app.CreateCoupleAsync();
        var browser = await app.SignInAsync(a);
        var previewed = await PreviewAsync(browser, await browser.GetPageAsync("/Feelings/Compose"), new()
        {
            ["Input.Feeling"] = "hopeful",
            ["Input.Situation"] = "we plan the weekend together",
        });

        var saved = await browser.SubmitAndReadAsync(previewed, "#compose-form");

        Assert.Contains("Saved as a private draft", saved.Text, StringComparison.Ordinal);
        Assert.Equal("I feel hopeful when we plan the weekend together.", saved.Document.QuerySelector("#statement-sentence")?.TextContent);
    }

    [Fact]
    public async Task ComposeAndShareIsOneStepFromTheComposerWithThePartnersNameOnTheButton()
    {
        var (a, b) = await app.CreateCoupleAsync("Alex", "Sam");
        var aBrowser = await app.SignInAsync(a);
        var bBrowser = await app.SignInAsync(b);
        var compose = await aBrowser.GetPageAsync("/Feelings/Compose");
        var share = compose.Document.QuerySelector("#compose-form #share-button")!;
        var keep = compose.Document.QuerySelector("#compose-form #keep-draft-button")!;
        // The share button's own formaction, as a browser submits it when that button is pressed.
        compose.Document.QuerySelector("#compose-form")!.SetAttribute("action", share.GetAttribute("formaction"));

        var shared = await aBrowser.SubmitAndReadAsync(compose, "#compose-form", new()
        {
            ["Input.Feeling"] = "hopeful",
            ["Input.Situation"] = "we plan the weekend together",
            ["Input.Need"] = "we do it every Friday",
        });
        var statementUrl = shared.Url.PathAndQuery;
        var partnerView = await bBrowser.GetPageAsync(statementUrl);

        Assert.Equal("Share with Sam", share.TextContent.Trim());
        Assert.Equal("Keep as a private draft", keep.TextContent.Trim());
        Assert.Same(share.ParentElement, keep.ParentElement);
        Assert.Contains("Shared. Sam can read it now.", shared.Text, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, partnerView.Response.StatusCode);
        Assert.Equal("I feel hopeful when we plan the weekend together. I'd like us to do it every Friday.", partnerView.Document.QuerySelector("#statement-sentence")?.TextContent);
    }

    [Fact]
    public async Task ValidationErrorsKeepEverythingTyped()
    {
        var (a, _) = await app.CreateCoupleAsync();
        var browser = await app.SignInAsync(a);
        var tooLong = new string('w', 501);

        var page = await browser.SubmitAndReadAsync(await browser.GetPageAsync("/Feelings/Compose"), "#compose-form", new()
        {
            ["Input.Situation"] = tooLong,
            ["Input.Need"] = "a hug when you're home",
        });

        Assert.Equal("Please keep the moment to 500 characters.", FieldError(page, "Input.Situation"));
        Assert.Equal("Please choose a feeling, or write your own word.", FieldError(page, "Input.Feeling"));
        Assert.Equal(tooLong, page.Document.QuerySelector<IHtmlTextAreaElement>("#Input_Situation")!.Value);
        Assert.Equal("a hug when you're home", page.Document.QuerySelector<IHtmlTextAreaElement>("#Input_Need")!.Value);
    }

    [Fact]
    public async Task OwnWordThatIsNotAWordIsExplainedBesideIt()
    {
        var (a, _) = await app.CreateCoupleAsync();
        var browser = await app.SignInAsync(a);

        var page = await browser.SubmitAndReadAsync(await browser.GetPageAsync("/Feelings/Compose"), "#compose-form", new()
        {
            ["Input.OwnFeeling"] = "<3 <3",
            ["Input.Situation"] = "we cook together",
        });

        Assert.StartsWith("Please use a word or two for the feeling", FieldError(page, "Input.OwnFeeling"), StringComparison.Ordinal);
        Assert.Equal("<3 <3", page.Document.QuerySelector<IHtmlInputElement>("#Input_OwnFeeling")!.Value);
    }

    [Fact]
    public async Task SavedDraftIsInvisibleToThePartner()
    {
        var (a, b) = await app.CreateCoupleAsync();
        var author = await app.SignInAsync(a);
        var partner = await app.SignInAsync(b);
        var canary = Canary();

        var saved = await SaveAsync(author, $"you always {canary}");
        var id = StatementId(saved);

        Assert.Contains("Saved as a private draft", saved.Text, StringComparison.Ordinal);
        Assert.Contains("A private draft. Only you can see it.", saved.Text, StringComparison.Ordinal);
        Assert.Equal("you always", saved.Document.QuerySelector("#situation-gentle .gentle-hint-phrase")?.TextContent);
        Assert.NotNull(saved.Document.QuerySelector("#share-form"));
        Assert.Equal(HttpStatusCode.NotFound, (await partner.GetAsync($"/Feelings/Statement/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await partner.GetAsync($"/Feelings/Compose/{id}")).StatusCode);
        foreach (var url in Lists.Select(l => $"/Feelings?list={l}").Append("/Feelings").Append("/"))
        {
            var html = (await partner.GetPageAsync(url)).Html;
            Assert.DoesNotContain(canary, html, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task SharedStatementReachesThePartnerWhoCanSayIHearYou()
    {
        var (a, b) = await app.CreateCoupleAsync("Ana Lee", "Bo Park");
        var author = await app.SignInAsync(a);
        var partner = await app.SignInAsync(b);
        var canary = Canary();
        var saved = await SaveAsync(author, $"we don't talk at dinner {canary}");
        var id = StatementId(saved);

        var shared = await author.SubmitAndReadAsync(saved, "#share-form");
        var inbox = await partner.GetPageAsync("/Feelings?list=SharedWithMe");
        var seen = await partner.GetPageAsync($"/Feelings/Statement/{id}");
        var heard = await partner.SubmitAndReadAsync(seen, "#acknowledge-form", new() { ["Input.Reply"] = "Thank you for telling me. Let's eat together." });
        var authorView = await author.GetPageAsync($"/Feelings/Statement/{id}");

        Assert.Contains("Shared. Your partner can read it now.", shared.Text, StringComparison.Ordinal);
        Assert.Contains(canary, inbox.Text, StringComparison.Ordinal);
        Assert.Contains("From Ana Lee", seen.Text, StringComparison.Ordinal);
        Assert.Null(seen.Document.QuerySelector("#withdraw-form"));
        Assert.Null(seen.Document.QuerySelector(".gentle-hints"));
        Assert.Contains("Your partner will see that you hear them.", heard.Text, StringComparison.Ordinal);
        Assert.Null(heard.Document.QuerySelector("#acknowledge-form"));
        Assert.Contains("Bo Park hears you", authorView.Document.QuerySelector("#acknowledgement")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Thank you for telling me. Let's eat together.", authorView.Document.QuerySelector(".statement-reply")?.TextContent);
        Assert.Null(authorView.Document.QuerySelector("#withdraw-form"));
    }

    [Fact]
    public async Task EitherPartnerMarksTalkedAboutAndTheOtherSeesWhoAndWhen()
    {
        var (a, b) = await app.CreateCoupleAsync("Cy", "Dee");
        var author = await app.SignInAsync(a);
        var partner = await app.SignInAsync(b);
        var saved = await SaveAsync(author, "the weekend fills up without us");
        var id = StatementId(saved);
        await author.SubmitAndReadAsync(saved, "#share-form");

        var marked = await partner.SubmitAndReadAsync(await partner.GetPageAsync($"/Feelings/Statement/{id}"), "#talked-about-form");
        var authorView = await author.GetPageAsync($"/Feelings/Statement/{id}");
        var today = TimeZoneInfo.ConvertTime(app.Clock.GetUtcNow(), TimeZoneInfo.FindSystemTimeZoneById("Europe/London")).ToString("d MMMM yyyy", System.Globalization.CultureInfo.InvariantCulture);

        Assert.Contains("Marked as talked about", marked.Text, StringComparison.Ordinal);
        Assert.Equal($"Talked about together. Marked by Dee on {today}.", authorView.Document.QuerySelector("#talked-about")?.TextContent);
        Assert.Null(authorView.Document.QuerySelector("#talked-about-form"));
        Assert.Null(authorView.Document.QuerySelector("#withdraw-form"));
    }

    [Fact]
    public async Task WithdrawingBeforeAnAnswerHidesItFromThePartnerAgain()
    {
        var (a, b) = await app.CreateCoupleAsync();
        var author = await app.SignInAsync(a);
        var partner = await app.SignInAsync(b);
        var canary = Canary();
        var saved = await SaveAsync(author, $"the kids' bedtime is chaos {canary}");
        var id = StatementId(saved);
        var shared = await author.SubmitAndReadAsync(saved, "#share-form");
        var seenBefore = await partner.GetAsync($"/Feelings/Statement/{id}");

        var withdrawn = await author.SubmitAndReadAsync(shared, "#withdraw-form");

        Assert.Equal(HttpStatusCode.OK, seenBefore.StatusCode);
        Assert.Contains("Taken back. It's a private draft again", withdrawn.Text, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await partner.GetAsync($"/Feelings/Statement/{id}")).StatusCode);
        Assert.DoesNotContain(canary, (await partner.GetPageAsync("/Feelings?list=SharedWithMe")).Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WithdrawingAfterThePartnerAnsweredIsRefusedKindly()
    {
        var (a, b) = await app.CreateCoupleAsync();
        var author = await app.SignInAsync(a);
        var partner = await app.SignInAsync(b);
        var saved = await SaveAsync(author, "we plan holidays without asking");
        var id = StatementId(saved);
        var shared = await author.SubmitAndReadAsync(saved, "#share-form");
        await partner.SubmitAndReadAsync(await partner.GetPageAsync($"/Feelings/Statement/{id}"), "#acknowledge-form");

        var refused = await author.SubmitAndReadAsync(shared, "#withdraw-form");

        Assert.Equal(HttpStatusCode.OK, refused.Response.StatusCode);
        Assert.Contains("Your partner has already answered this, so it stays shared between you.",
            refused.Document.QuerySelector(".validation-summary-errors")?.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await partner.GetAsync($"/Feelings/Statement/{id}")).StatusCode);
    }

    [Fact]
    public async Task TooLongReplyIsExplainedAndKept()
    {
        var (a, b) = await app.CreateCoupleAsync();
        var author = await app.SignInAsync(a);
        var partner = await app.SignInAsync(b);
        var saved = await SaveAsync(author, "the bins are left for me");
        var id = StatementId(saved);
        await author.SubmitAndReadAsync(saved, "#share-form");
        var reply = new string('r', 1001);

        var page = await partner.SubmitAndReadAsync(await partner.GetPageAsync($"/Feelings/Statement/{id}"), "#acknowledge-form", new() { ["Input.Reply"] = reply });

        Assert.Equal("Please keep your reply to 1000 characters.", FieldError(page, "Input.Reply"));
        Assert.Equal(reply, page.Document.QuerySelector<IHtmlTextAreaElement>("#Input_Reply")!.Value);
        Assert.DoesNotContain("hears you", (await author.GetPageAsync($"/Feelings/Statement/{id}")).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DraftCanBeChangedThenDeleted()
    {
        var (a, _) = await app.CreateCoupleAsync();
        var author = await app.SignInAsync(a);
        var saved = await SaveAsync(author, "first words");
        var id = StatementId(saved);

        var edit = await author.GetPageAsync($"/Feelings/Compose/{id}");
        var changed = await author.SubmitAndReadAsync(edit, "#compose-form", new() { ["Input.Situation"] = "better words" });
        var deleted = await author.SubmitAndReadAsync(changed, "#delete-form");

        Assert.Equal("first words", edit.Document.QuerySelector<IHtmlTextAreaElement>("#Input_Situation")!.Value);
        Assert.Equal("left out", edit.Document.QuerySelector<IHtmlSelectElement>("#Input_Feeling")!.Value);
        Assert.Equal("I feel left out when better words.", changed.Document.QuerySelector("#statement-sentence")?.TextContent);
        Assert.Contains("The draft is deleted.", deleted.Text, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await author.GetAsync($"/Feelings/Statement/{id}")).StatusCode);
    }

    [Fact]
    public async Task AnotherCouplesMemberGets404OnEveryUrl()
    {
        var (a, _) = await app.CreateCoupleAsync();
        var (outsiderUser, _) = await app.CreateCoupleAsync();
        var author = await app.SignInAsync(a);
        var outsider = await app.SignInAsync(outsiderUser);
        var canary = Canary();
        var draft = StatementId(await SaveAsync(author, $"draft {canary}"));
        var sharedPage = await SaveAsync(author, $"shared {canary}");
        var shared = StatementId(sharedPage);
        await author.SubmitAndReadAsync(sharedPage, "#share-form");
        var ownForm = await outsider.GetPageAsync("/Feelings/Compose");
        var failures = new List<string>();

        foreach (var id in new[] { draft, shared })
        {
            foreach (var url in new[] { $"/Feelings/Statement/{id}", $"/Feelings/Compose/{id}" })
            {
                var response = await outsider.GetAsync(url);
                if (response.StatusCode != HttpStatusCode.NotFound)
                {
                    failures.Add($"GET {url}: {(int)response.StatusCode}");
                }
            }

            foreach (var url in new[] { "Share", "Withdraw", "Delete", "Acknowledge", "TalkedAbout" }.Select(h => $"/Feelings/Statement/{id}?handler={h}")
                .Append($"/Feelings/Compose/{id}").Append($"/Feelings/Compose/{id}?handler=Preview"))
            {
                ownForm.Document.QuerySelector("#compose-form")!.SetAttribute("action", url);
                var response = await outsider.SubmitAsync(ownForm, "#compose-form", new()
                {
                    ["Input.Feeling"] = "sad",
                    ["Input.Situation"] = "overwritten",
                    ["Input.Reply"] = "hi",
                });
                var html = await response.Content.ReadAsStringAsync();
                if (response.StatusCode != HttpStatusCode.NotFound || html.Contains(canary, StringComparison.Ordinal))
                {
                    failures.Add($"POST {url}: {(int)response.StatusCode}");
                }
            }
        }

        Assert.Empty(failures);
        Assert.Contains("A private draft", (await author.GetPageAsync($"/Feelings/Statement/{draft}")).Text, StringComparison.Ordinal);
        Assert.Contains($"draft {canary}", (await author.GetPageAsync($"/Feelings/Statement/{draft}")).Text, StringComparison.Ordinal);
        Assert.NotNull((await author.GetPageAsync($"/Feelings/Statement/{shared}")).Document.QuerySelector("#withdraw-form"));
        foreach (var list in Lists)
        {
            Assert.DoesNotContain(canary, (await outsider.GetPageAsync($"/Feelings?list={list}")).Html, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task AfterTheCoupleEndsTheAuthorReadsAndNobodyChanges()
    {
        var (a, b) = await app.CreateCoupleAsync();
        var author = await app.SignInAsync(a);
        var partner = await app.SignInAsync(b);
        var canary = Canary();
        var saved = await SaveAsync(author, $"we stopped laughing {canary}");
        var id = StatementId(saved);
        var shared = await author.SubmitAndReadAsync(saved, "#share-form");
        await using (var scope = app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<CoupleService>().LeaveAsync(b.Id);
        }

        var authorView = await author.GetPageAsync($"/Feelings/Statement/{id}");
        var lateWithdraw = await author.SubmitAndReadAsync(shared, "#withdraw-form");
        var partnerList = await partner.GetPageAsync("/Feelings?list=SharedWithMe");

        Assert.Contains(canary, authorView.Text, StringComparison.Ordinal);
        Assert.Contains("This couple has ended", authorView.Text, StringComparison.Ordinal);
        Assert.Empty(authorView.Document.QuerySelectorAll("main form"));
        Assert.Contains("can be read but no longer changed", lateWithdraw.Document.QuerySelector(".validation-summary-errors")?.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await partner.GetAsync($"/Feelings/Statement/{id}")).StatusCode);
        Assert.DoesNotContain(canary, partnerList.Html, StringComparison.Ordinal);
        Assert.Null((await author.GetPageAsync("/Feelings")).Document.QuerySelector("#new-statement"));
    }

    private static string Canary() => $"canary{Guid.NewGuid():N}";

    private static async Task<HtmlPage> SaveAsync(HttpClient browser, string situation) =>
        await browser.SubmitAndReadAsync(await browser.GetPageAsync("/Feelings/Compose"), "#compose-form", new()
        {
            ["Input.Feeling"] = "left out",
            ["Input.Situation"] = situation,
        });

    // Presses the Preview button as a browser would: the form goes to the button's formaction.
    private static async Task<HtmlPage> PreviewAsync(HttpClient browser, HtmlPage page, Dictionary<string, string> values)
    {
        var action = page.Document.QuerySelector("#preview-button")!.GetAttribute("formaction")!;
        page.Document.QuerySelector("#compose-form")!.SetAttribute("action", action);
        return await browser.SubmitAndReadAsync(page, "#compose-form", values);
    }

    private static int StatementId(HtmlPage page) =>
        int.Parse(page.Url.AbsolutePath.Split('/')[^1], System.Globalization.CultureInfo.InvariantCulture);

    private static string FieldError(HtmlPage page, string field) =>
        page.Document.QuerySelector($"[data-valmsg-for='{field}']")?.TextContent ?? "";
}
