using System.Net;
using AngleSharp.Html.Dom;
using TrustCheckIn.Tests.Expectations;

namespace TrustCheckIn.Tests.Infrastructure;

// One page per refusal kind, through the real forms: what ServiceResponses makes of each.
public sealed class RefusalResponseTests(TestApp app) : IClassFixture<TestApp>
{
    private const string RowWords = "Row words only this couple may read";

    [Fact]
    public async Task NotFoundIsABare404ThatRevealsNothing()
    {
        var (a, _) = await app.CreateCoupleAsync();
        var (outsider, _) = await app.CreateCoupleAsync();
        var aBrowser = await app.SignInAsync(a);
        var outsiderBrowser = await app.SignInAsync(outsider);
        await aBrowser.SubmitAndReadAsync(await aBrowser.GetPageAsync("/Expectations/Add"), "#add-form", new()
        {
            ["Input.Need"] = RowWords,
            ["Input.Action"] = "Say good morning",
            ["Input.Frequency"] = "Daily",
        });
        var outsiderTable = await outsiderBrowser.GetPageAsync("/Expectations");
        var rowId = (await aBrowser.GetPageAsync("/Expectations")).Document.QuerySelector("#expectations a[href^='/Expectations/Edit/']")!
            .GetAttribute("href")!.Split('/')[^1];

        var removal = await outsiderBrowser.PostAsync($"/Expectations?handler=Remove&id={rowId}",
            new FormUrlEncodedContent([new("__RequestVerificationToken", Token(outsiderTable))]));
        var body = await removal.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.NotFound, removal.StatusCode);
        Assert.DoesNotContain(RowWords, body, StringComparison.Ordinal);
        Assert.DoesNotContain("couldn't find", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InvalidInputPutsTheMessageNextToTheFieldAndKeepsWhatWasTyped()
    {
        var (a, _) = await app.CreateCoupleAsync();
        var aBrowser = await app.SignInAsync(a);

        var page = await aBrowser.SubmitAndReadAsync(await aBrowser.GetPageAsync("/Couple/Therapist"), "#link-therapist-form", new() { ["Link.Code"] = "NOSUCHCODE" });

        Assert.Equal(HttpStatusCode.OK, page.Response.StatusCode);
        Assert.Contains("couldn't find a therapist with that code", page.Document.QuerySelector("[data-valmsg-for='Link.Code']")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("NOSUCHCODE", page.Document.QuerySelector<IHtmlInputElement>("input[name='Link.Code']")!.Value);
    }

    [Fact]
    public async Task AConflictShowsBothVersionsAndKeepsWhatWasTyped()
    {
        var (aBrowser, bBrowser, aEdit, bEdit) = await app.BothEditingOneRowAsync();
        await aBrowser.SubmitAndReadAsync(aEdit, "#edit-form", new() { ["Input.Action"] = "Ana's version" });

        var page = await bBrowser.SubmitAndReadAsync(bEdit, "#edit-form", new() { ["Input.Action"] = "Ben's version" });

        Assert.Equal(HttpStatusCode.OK, page.Response.StatusCode);
        Assert.Contains("This row was changed while you were editing it.", page.Document.QuerySelector(".form-errors")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Ana's version", page.Document.QuerySelector("#conflict-theirs")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Ben's version", page.Document.QuerySelector("#conflict-yours")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Ben's version", page.Document.QuerySelector<IHtmlTextAreaElement>("textarea[name='Input.Action']")!.Value);
    }

    [Fact]
    public async Task ARuleRefusalShowsItsMessageAndTheTypedWords()
    {
        var (a, _) = await app.CreateCoupleAsync();
        var aBrowser = await app.SignInAsync(a);
        var form = await aBrowser.GetPageAsync("/CheckIns");
        app.Clock.Advance(TimeSpan.FromDays(7));

        var page = await aBrowser.SubmitAndReadAsync(form, "#checkin-form", new()
        {
            ["Input.Trust"] = "4",
            ["Input.FeelingHeard"] = "4",
            ["Input.Connection"] = "4",
            ["Input.FollowThrough"] = "4",
            ["Input.EmotionalSafety"] = "4",
            ["Input.OnMyMind"] = "Words written across the week's end",
        });

        Assert.Equal(HttpStatusCode.OK, page.Response.StatusCode);
        Assert.Contains("A new week began while you were writing.", page.Document.QuerySelector(".form-errors")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Words written across the week's end", page.Document.QuerySelector<IHtmlTextAreaElement>("textarea[name='Input.OnMyMind']")!.Value);
    }

    private static string Token(HtmlPage page) =>
        page.Document.QuerySelector<IHtmlInputElement>("input[name='__RequestVerificationToken']")!.Value;
}
