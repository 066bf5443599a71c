using System.Globalization;
using System.Net;
using AngleSharp.Html.Dom;
using TrustCheckIn.Common;
using TrustCheckIn.Couples;
using TrustCheckIn.Tests.Infrastructure;
using static TrustCheckIn.Tests.CheckIns.CheckInSeeding;

namespace TrustCheckIn.Tests.CheckIns;

public sealed class CheckInPagesTests(TestApp app) : IClassFixture<TestApp>
{
    [Fact]
    public async Task APartnerChecksInThroughTheForm()
    {
        var (a, _) = await app.CreateCoupleAsync("Ana", "Ben");
        var browser = await app.SignInAsync(a);

        var saved = await browser.SubmitAndReadAsync(await browser.GetPageAsync("/CheckIns"), "#checkin-form",
            Form(trust: 3, wentWell: "We cooked together", smallStep: "Ask about Ben's day"));
        var home = await browser.GetPageAsync("/");

        Assert.Contains("Thank you for checking in. Ben will see your answers once they've checked in too.", saved.Text, StringComparison.Ordinal);
        Assert.True(saved.Document.QuerySelector<IHtmlInputElement>("#Input_Trust_3")!.IsChecked);
        Assert.Equal("We cooked together", saved.Document.QuerySelector<IHtmlTextAreaElement>("#Input_WentWell")!.Value);
        Assert.Contains("Save my changes", saved.Text, StringComparison.Ordinal);
        Assert.Contains("You've checked in. Waiting for Ben", home.Document.QuerySelector("#this-week")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnInvalidRatingComesBackWithEverythingTypedStillThere()
    {
        var (a, _) = await app.CreateCoupleAsync();
        var browser = await app.SignInAsync(a);
        var form = Form(wentWell: "A long walk on Sunday", onMyMind: "Work has been heavy", smallStep: "Phone off at dinner");
        form["Input.Trust"] = "7";
        form.Remove("Input.Connection");

        var page = await browser.SubmitAndReadAsync(await browser.GetPageAsync("/CheckIns"), "#checkin-form", form);
        var thisWeek = await app.WithCheckInsAsync(app.ClockFromApp(), s => s.GetThisWeekAsync(a.Id));

        Assert.Equal(HttpStatusCode.OK, page.Response.StatusCode);
        Assert.Equal("Please choose a number from 1 to 5.", ErrorFor(page, "Input.Trust"));
        Assert.Equal("Please choose a number from 1 to 5.", ErrorFor(page, "Input.Connection"));
        Assert.Equal("A long walk on Sunday", page.Document.QuerySelector<IHtmlTextAreaElement>("#Input_WentWell")!.Value);
        Assert.Equal("Work has been heavy", page.Document.QuerySelector<IHtmlTextAreaElement>("#Input_OnMyMind")!.Value);
        Assert.Equal("Phone off at dinner", page.Document.QuerySelector<IHtmlTextAreaElement>("#Input_SmallStep")!.Value);
        Assert.True(page.Document.QuerySelector<IHtmlInputElement>("#Input_FeelingHeard_4")!.IsChecked);
        Assert.Null(thisWeek!.Mine);
    }

    [Fact]
    public async Task BeforeTheRevealThePartnerSeesCheckedInButNoneOfTheAnswers()
    {
        var (a, b) = await app.CreateCoupleAsync("Cleo", "Dev");
        var canary = $"canary-{Guid.NewGuid():N}";
        var aBrowser = await app.SignInAsync(a);
        var bBrowser = await app.SignInAsync(b);
        await aBrowser.SubmitAndReadAsync(await aBrowser.GetPageAsync("/CheckIns"), "#checkin-form",
            Form(wentWell: $"{canary} went well", onMyMind: $"{canary} on my mind", smallStep: $"{canary} small step"));
        var weekUrl = await WeekUrlAsync(a);

        var bPages = new[]
        {
            await bBrowser.GetPageAsync("/CheckIns"),
            await bBrowser.GetPageAsync("/"),
            await bBrowser.GetPageAsync("/CheckIns/History"),
            await bBrowser.GetPageAsync(weekUrl),
        };
        var revealed = await bBrowser.SubmitAndReadAsync(bPages[0], "#checkin-form", Form(wentWell: "Dev's answer"));

        Assert.All(bPages, p => Assert.Equal(HttpStatusCode.OK, p.Response.StatusCode));
        Assert.All(bPages, p => Assert.DoesNotContain(canary, p.Html, StringComparison.Ordinal));
        Assert.Contains("Your partner has checked in.", bPages[0].Text, StringComparison.Ordinal);
        Assert.Contains("Your partner has checked in.", bPages[1].Text, StringComparison.Ordinal);
        Assert.Contains("Your partner has checked in.", bPages[3].Text, StringComparison.Ordinal);
        Assert.Null(bPages[3].Document.QuerySelector("#partner-answers"));
        Assert.Equal(weekUrl, revealed.Url.AbsolutePath);
        Assert.Contains($"{canary} on my mind", revealed.Document.QuerySelector("#partner-answers")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AMemberOfAnotherCoupleGetsNotFoundOnThisCouplesWeekUrls()
    {
        var (a, b) = await app.CreateCoupleAsync();
        var canary = $"canary-{Guid.NewGuid():N}";
        var clock = app.ClockFromApp();
        await app.SubmitThisWeekAsync(clock, a, Answers(wentWell: canary));
        await app.SubmitThisWeekAsync(clock, b, Answers(wentWell: canary));
        var (outsider, _) = await app.CreateCoupleAsync();
        var outsiderBrowser = await app.SignInAsync(outsider);
        var weekUrl = await WeekUrlAsync(a);
        var lastWeekUrl = weekUrl[..^8] + (await app.WithCheckInsAsync(clock, s => s.GetThisWeekAsync(a.Id)))!.Week.Previous;
        var ownPage = await outsiderBrowser.GetPageAsync("/CheckIns");
        ownPage.Document.QuerySelector("#checkin-form")!.SetAttribute("action", $"{weekUrl}?handler=Reply");

        var get = await outsiderBrowser.GetAsync(weekUrl);
        var getLastWeek = await outsiderBrowser.GetAsync(lastWeekUrl);
        var post = await outsiderBrowser.SubmitAsync(ownPage, "#checkin-form", new() { ["Input.Text"] = "Thank you" });

        Assert.Equal(HttpStatusCode.NotFound, get.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, getLastWeek.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        Assert.DoesNotContain(canary, await get.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain(canary, await post.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task MalformedWeekUrlsAreNotFound()
    {
        var (a, _) = await app.CreateCoupleAsync();
        var browser = await app.SignInAsync(a);
        var coupleId = await app.CoupleIdAsync(a);

        var badWeek = await browser.GetAsync($"/CheckIns/Week/{coupleId}/2026-W99");
        var future = await browser.GetAsync($"/CheckIns/Week/{coupleId}/2099-W01");
        var badCursor = await browser.GetAsync("/CheckIns/History?before=yesterday");

        Assert.Equal(HttpStatusCode.NotFound, badWeek.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, future.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, badCursor.StatusCode);
    }

    [Fact]
    public async Task TheHomePageShowsThisWeeksState()
    {
        var (a, b) = await app.CreateCoupleAsync("Eli", "Fay");
        var aBrowser = await app.SignInAsync(a);
        var bBrowser = await app.SignInAsync(b);

        var notStarted = await aBrowser.GetPageAsync("/");
        await aBrowser.SubmitAndReadAsync(await aBrowser.GetPageAsync("/CheckIns"), "#checkin-form", Form());
        var waiting = await aBrowser.GetPageAsync("/");
        var partnerIn = await bBrowser.GetPageAsync("/");
        await bBrowser.SubmitAndReadAsync(await bBrowser.GetPageAsync("/CheckIns"), "#checkin-form", Form());
        var bothDone = await aBrowser.GetPageAsync("/");

        Assert.Contains("Not started yet", notStarted.Document.QuerySelector("#this-week")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Waiting for Fay", waiting.Document.QuerySelector("#this-week")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Your partner has checked in", partnerIn.Document.QuerySelector("#this-week")!.TextContent, StringComparison.Ordinal);
        var seeTheWeek = bothDone.Document.QuerySelector<IHtmlAnchorElement>("#this-week a")!;
        Assert.Equal("See the week", seeTheWeek.TextContent);
        Assert.Equal(await WeekUrlAsync(a), seeTheWeek.GetAttribute("href"));
    }

    [Fact]
    public async Task ASealedWeekShowsBothSideBySideWithDifferencesAndTakesAReply()
    {
        var (a, b) = await app.CreateCoupleAsync("Gus", "Hana");
        var clock = app.ClockFromApp();
        await app.SubmitThisWeekAsync(clock, a, Answers(trust: 5, followThrough: 2, onMyMind: "Gus's thought"));
        await app.SubmitThisWeekAsync(clock, b, Answers(trust: 3, followThrough: 4, onMyMind: "Hana's thought"));
        var bBrowser = await app.SignInAsync(b);
        var aBrowser = await app.SignInAsync(a);
        var weekUrl = await WeekUrlAsync(a);

        var bWeek = await bBrowser.GetPageAsync(weekUrl);
        var checkInPage = await bBrowser.GetPageAsync("/CheckIns");
        var replied = await bBrowser.SubmitAndReadAsync(bWeek, "#reply-form", new() { ["Input.Text"] = "Let's talk about this" });
        var aWeek = await aBrowser.GetPageAsync(weekUrl);

        Assert.Contains("Gus's thought", bWeek.Document.QuerySelector("#partner-answers")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Hana's thought", bWeek.Document.QuerySelector("#my-answers")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(["Trust", "Follow-through"], bWeek.Document.QuerySelectorAll("#week-ratings tr.differs th").Select(th => th.TextContent));
        Assert.Null(checkInPage.Document.QuerySelector("#checkin-form"));
        Assert.Contains("Your reply is saved", replied.Text, StringComparison.Ordinal);
        Assert.Contains("Hana replied: Let's talk about this", aWeek.Document.QuerySelector("#my-answers")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AfterLeavingAFormerPartnerReadsOnlyWhatTheyWroteAndCannotCheckIn()
    {
        var (a, b) = await app.CreateCoupleAsync();
        var canary = $"canary-{Guid.NewGuid():N}";
        var clock = app.ClockFromApp();
        await app.SubmitThisWeekAsync(clock, a, Answers(wentWell: "what I wrote myself"));
        var aBrowser = await app.SignInAsync(a);
        var staleForm = await aBrowser.GetPageAsync("/CheckIns");
        await app.SubmitThisWeekAsync(clock, b, Answers(wentWell: canary));
        var weekUrl = await WeekUrlAsync(a);
        await app.WithServiceAsync<Result, CoupleService>(c => c.LeaveAsync(b.Id));

        var checkIns = await aBrowser.GetPageAsync("/CheckIns");
        var earlier = await aBrowser.GetPageAsync("/CheckIns/Earlier");
        var week = await aBrowser.GetPageAsync(weekUrl);
        var submit = await aBrowser.SubmitAndReadAsync(staleForm, "#checkin-form", Form());

        Assert.Null(checkIns.Document.QuerySelector("#checkin-form"));
        Assert.NotNull(checkIns.Document.QuerySelector("a[href='/CheckIns/Earlier']"));
        Assert.Contains("what I wrote myself", earlier.Text, StringComparison.Ordinal);
        Assert.Contains("what I wrote myself", week.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(canary, earlier.Html, StringComparison.Ordinal);
        Assert.DoesNotContain(canary, week.Html, StringComparison.Ordinal);
        Assert.Null(week.Document.QuerySelector("#reply-form"));
        Assert.Equal(HttpStatusCode.OK, submit.Response.StatusCode);
        Assert.NotNull(submit.Document.QuerySelector("#kept-words"));
        Assert.Null(submit.Document.QuerySelector("#checkin-form"));
    }

    private async Task<string> WeekUrlAsync(TestUser user)
    {
        var week = await app.WithCheckInsAsync(app.ClockFromApp(), s => s.GetThisWeekAsync(user.Id));
        return $"/CheckIns/Week/{week!.CoupleId}/{week.Week}";
    }

    private static string ErrorFor(HtmlPage page, string field) =>
        page.Document.QuerySelector($"[data-valmsg-for='{field}']")?.TextContent ?? "";

    public static Dictionary<string, string> Form(int trust = 4, int heard = 4, int connection = 4, int followThrough = 4, int safety = 4, string? wentWell = null, string? onMyMind = null, string? smallStep = null) => new()
    {
        ["Input.Trust"] = trust.ToString(CultureInfo.InvariantCulture),
        ["Input.FeelingHeard"] = heard.ToString(CultureInfo.InvariantCulture),
        ["Input.Connection"] = connection.ToString(CultureInfo.InvariantCulture),
        ["Input.FollowThrough"] = followThrough.ToString(CultureInfo.InvariantCulture),
        ["Input.EmotionalSafety"] = safety.ToString(CultureInfo.InvariantCulture),
        ["Input.WentWell"] = wentWell ?? "",
        ["Input.OnMyMind"] = onMyMind ?? "",
        ["Input.SmallStep"] = smallStep ?? "",
    };
}
