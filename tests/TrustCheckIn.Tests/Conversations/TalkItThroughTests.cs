using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using TrustCheckIn.CheckIns;
using TrustCheckIn.Common;
using TrustCheckIn.Conversations;
using TrustCheckIn.Couples;
using TrustCheckIn.Expectations;
using TrustCheckIn.Tests.Infrastructure;
using static TrustCheckIn.Tests.CheckIns.CheckInSeeding;

namespace TrustCheckIn.Tests.Conversations;

public sealed class TalkItThroughTests(TestApp app) : IClassFixture<TestApp>
{
    private sealed record Revealed(TestUser A, TestUser B, int CoupleId, IsoWeek IsoWeek, HttpClient ABrowser, HttpClient BBrowser)
    {
        public string Week => IsoWeek.ToString();

        public string Talk(int? step = null) => $"/CheckIns/Talk/{CoupleId}/{Week}" + (step is { } n ? $"/{n}" : "");
    }

    [Fact]
    public async Task BeforeTheRevealTheGuideIsNotFoundAndShowsNothingOfThePartner()
    {
        var (a, b) = await app.CreateCoupleAsync("Ana", "Ben");
        var canary = $"canary-{Guid.NewGuid():N}";
        await app.SubmitThisWeekAsync(app.Clock, a, Answers(trust: 1, wentWell: canary, smallStep: canary));
        var week = (await app.WithCheckInsAsync(app.Clock, s => s.GetThisWeekAsync(a.Id)))!.Week.ToString();
        var coupleId = await app.CoupleIdAsync(a);
        var bBrowser = await app.SignInAsync(b);
        var aBrowser = await app.SignInAsync(a);

        var responses = new List<HttpResponseMessage>();
        foreach (var browser in new[] { aBrowser, bBrowser })
        {
            foreach (var url in new[] { $"/CheckIns/Talk/{coupleId}/{week}", $"/CheckIns/Talk/{coupleId}/{week}/1", $"/CheckIns/Talk/{coupleId}/{week}/2" })
            {
                responses.Add(await browser.GetAsync(url));
            }
        }

        var weekPage = await bBrowser.GetPageAsync($"/CheckIns/Week/{coupleId}/{week}");
        Assert.All(responses, r => Assert.Equal(HttpStatusCode.NotFound, r.StatusCode));
        foreach (var response in responses)
        {
            Assert.DoesNotContain(canary, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        Assert.Null(weekPage.Document.QuerySelector("#talk-it-through"));
        Assert.Equal(0, await app.WithDbAsync(db => db.SharedSteps.CountAsync(s => s.CoupleId == coupleId)));
    }

    [Fact]
    public async Task TheStepsFollowTheGapsLargestFirstAndOnePointApartIsBrief()
    {
        var f = await RevealedAsync(Answers(trust: 5, heard: 2, connection: 4, followThrough: 3, safety: 3), Answers(trust: 4, heard: 5, connection: 1, followThrough: 3, safety: 3));

        var opening = await f.ABrowser.GetPageAsync((await f.ABrowser.GetPageAsync($"/CheckIns/Week/{f.CoupleId}/{f.Week}")).Document.QuerySelector<IHtmlAnchorElement>("#talk-it-through")!.PathName);
        var headings = new List<string>();
        var page = opening;
        var briefHasStarter = new List<bool>();
        for (var i = 0; i < 3; i++)
        {
            page = await f.ABrowser.GetPageAsync(page.Document.QuerySelector<IHtmlAnchorElement>("#talk-next")!.Href);
            headings.Add(page.Document.QuerySelector("#talk-step-heading")!.TextContent);
            briefHasStarter.Add(page.Document.QuerySelector("#talk-starter") is not null);
        }

        var closing = await f.ABrowser.GetPageAsync(page.Document.QuerySelector<IHtmlAnchorElement>("#talk-next")!.Href);
        Assert.Equal(["Feeling heard", "Connection", "Trust"], opening.Document.QuerySelectorAll("#talk-outline li").Select(li => li.TextContent.Replace(" (briefly)", "", StringComparison.Ordinal)));
        Assert.Equal(["Feeling heard", "Connection", "Trust"], headings);
        Assert.Equal([true, true, false], briefHasStarter);
        Assert.Equal(f.Talk(4), closing.Url.AbsolutePath);
        Assert.NotNull(closing.Document.QuerySelector("#small-step-form"));
        Assert.Equal(HttpStatusCode.NotFound, (await f.ABrowser.GetAsync(f.Talk(5))).StatusCode);
    }

    [Fact]
    public async Task EachPartnerSeesTheirOwnSideAndTheStarterOpensTheComposerPrefilled()
    {
        var f = await RevealedAsync(Answers(heard: 2), Answers(heard: 5));

        var aStep = await f.ABrowser.GetPageAsync(f.Talk(1));
        var bStep = await f.BBrowser.GetPageAsync(f.Talk(1));
        var composer = await f.ABrowser.GetPageAsync(aStep.Document.QuerySelector<IHtmlAnchorElement>("#talk-starter")!.Href);

        Assert.Equal("You 2 Ben 5", Flat(aStep.Document.QuerySelector("#talk-answers")!.TextContent));
        Assert.Equal("You 5 Ana 2", Flat(bStep.Document.QuerySelector("#talk-answers")!.TextContent));
        var starter = TalkPrompts.For(CheckInDimension.FeelingHeard).Starter;
        Assert.Equal(starter.Situation, composer.Document.QuerySelector<IHtmlTextAreaElement>("#Input_Situation")?.Value ?? composer.Document.QuerySelector<IHtmlInputElement>("#Input_Situation")!.Value);
        Assert.Equal(0, await app.WithDbAsync(db => db.FeelingStatements.CountAsync(s => s.AuthorId == f.A.Id)));
        Assert.Equal(0, await app.WithDbAsync(db => db.SharedSteps.CountAsync(s => s.CoupleId == f.CoupleId)));
    }

    [Fact]
    public async Task AnAgreedStepAddedToTheTableIsARowWithARevisionByThePersonWhoAddedIt()
    {
        var f = await RevealedAsync(Answers(connection: 1), Answers(connection: 4));
        var closing = await f.BBrowser.GetPageAsync(f.Talk(2));
        var form = closing.Document.QuerySelector("#small-step-form")!;
        form.SetAttribute("action", closing.Document.QuerySelector("#add-to-table")!.GetAttribute("formaction"));

        var table = await f.BBrowser.SubmitAndReadAsync(closing, "#small-step-form", new() { ["Input.Step"] = "A walk together on Saturday morning" });

        Assert.Equal("/Expectations", table.Url.AbsolutePath);
        Assert.Contains(TalkPrompts.AddedToTable, table.Text, StringComparison.Ordinal);
        var rows = await app.WithDbAsync(db => db.Expectations.Where(e => e.CoupleId == f.CoupleId).Select(e => new { e.Id, e.Need, e.Action, e.Frequency }).ToListAsync());
        var row = Assert.Single(rows);
        Assert.Equal(("Connection", "A walk together on Saturday morning", ExpectationFrequency.Weekly), (row.Need, row.Action, row.Frequency));
        var revision = Assert.Single(await app.WithDbAsync(db => db.ExpectationRevisions.Where(r => r.ExpectationId == row.Id).Select(r => new { r.ChangedById, r.Kind }).ToListAsync()));
        Assert.Equal((f.B.Id, RevisionKind.Added), (revision.ChangedById, revision.Kind));
    }

    [Fact]
    public async Task AKeptStepIsSingleKeepingAgainRewordsIt()
    {
        var f = await RevealedAsync(Answers(trust: 2), Answers(trust: 5));

        var kept = await f.ABrowser.SubmitAndReadAsync(await f.ABrowser.GetPageAsync(f.Talk(2)), "#small-step-form", new() { ["Input.Step"] = "Text when running late" });
        await f.ABrowser.SubmitAndReadAsync(await f.ABrowser.GetPageAsync(f.Talk(2)), "#small-step-form", new() { ["Input.Step"] = "Text when running late" });
        var closingForB = await f.BBrowser.GetPageAsync(f.Talk(2));
        await f.BBrowser.SubmitAndReadAsync(closingForB, "#small-step-form", new() { ["Input.Step"] = "Text before six when running late" });
        var history = await f.ABrowser.GetPageAsync("/CheckIns/History");

        Assert.Equal($"/CheckIns/Week/{f.CoupleId}/{f.Week}", kept.Url.AbsolutePath);
        Assert.Contains(TalkPrompts.Kept, kept.Text, StringComparison.Ordinal);
        Assert.Contains("Text when running late", closingForB.Document.QuerySelector("#kept-step")!.TextContent, StringComparison.Ordinal);
        var steps = await app.WithDbAsync(db => db.SharedSteps.Where(s => s.CoupleId == f.CoupleId).Select(s => new { s.Text, s.AddedById }).ToListAsync());
        Assert.Equal(("Text before six when running late", f.B.Id), (Assert.Single(steps).Text, steps[0].AddedById));
        Assert.Contains("Text before six when running late", history.Document.QuerySelector("#kept-steps")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(0, await app.WithDbAsync(db => db.Expectations.CountAsync(e => e.CoupleId == f.CoupleId)));
    }

    [Fact]
    public async Task AnEmptyOrTooLongStepIsRefusedNextToTheFieldAndKeepsWhatWasTyped()
    {
        var f = await RevealedAsync(Answers(trust: 2), Answers(trust: 5));
        var tooLong = new string('a', SharedStep.TextLength + 1);

        var closingPage = await f.ABrowser.GetPageAsync(f.Talk(2));
        var empty = await f.ABrowser.SubmitAndReadAsync(closingPage, "#small-step-form", new() { ["Input.Step"] = " " });
        var longOne = await f.ABrowser.SubmitAndReadAsync(await f.ABrowser.GetPageAsync(f.Talk(2)), "#small-step-form", new() { ["Input.Step"] = tooLong, ["Input.Need"] = "Trust, kept" });

        Assert.Equal(HttpStatusCode.OK, empty.Response.StatusCode);
        Assert.Contains("Please write the small step in a few words.", empty.Document.QuerySelector("[data-valmsg-for='Input.Step']")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("300 characters or fewer", longOne.Document.QuerySelector("[data-valmsg-for='Input.Step']")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(tooLong, longOne.Document.QuerySelector<IHtmlTextAreaElement>("#Input_Step")!.Value);
        Assert.Equal("Trust, kept", longOne.Document.QuerySelector<IHtmlInputElement>("#Input_Need")!.Value);
        Assert.Equal(0, await app.WithDbAsync(db => db.SharedSteps.CountAsync(s => s.CoupleId == f.CoupleId)));
    }

    [Fact]
    public async Task LastWeeksSmallStepComesBackToItsAuthorAndHowItWentStaysHiddenUntilTheReveal()
    {
        var f = await RevealedAsync(Answers(smallStep: "Call at lunch on Wednesday"), Answers());
        app.Clock.Advance(TimeSpan.FromDays(7));
        var coupleWeek = (await app.WithCheckInsAsync(app.Clock, s => s.GetThisWeekAsync(f.A.Id)))!.Week.ToString();
        var weekUrl = $"/CheckIns/Week/{f.CoupleId}/{coupleWeek}";

        var aForm = await f.ABrowser.GetPageAsync("/CheckIns");
        var bForm = await f.BBrowser.GetPageAsync("/CheckIns");
        await f.ABrowser.SubmitAndReadAsync(aForm, "#checkin-form", Form(new() { ["Input.LastStep"] = "Partly" }));
        var bBefore = await f.BBrowser.GetPageAsync(weekUrl);
        var bHome = await f.BBrowser.GetPageAsync("/");
        var aAgain = await f.ABrowser.GetPageAsync("/CheckIns");

        Assert.Contains("Last week you said: \u201cCall at lunch on Wednesday\u201d How did it go?", aForm.Document.QuerySelector("#carry-over legend")!.TextContent, StringComparison.Ordinal);
        Assert.Null(bForm.Document.QuerySelector("#carry-over"));
        Assert.DoesNotContain("Call at lunch", bForm.Html, StringComparison.Ordinal);
        Assert.Null(bBefore.Document.QuerySelector("#partner-answers"));
        Assert.DoesNotContain("Partly", bBefore.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Partly", bHome.Text, StringComparison.Ordinal);
        Assert.True(aAgain.Document.QuerySelector<IHtmlInputElement>("#Input_LastStep_Partly")!.IsChecked);

        await f.BBrowser.SubmitAndReadAsync(bForm, "#checkin-form", Form());
        var bAfter = await f.BBrowser.GetPageAsync(weekUrl);
        var aAfter = await f.ABrowser.GetPageAsync(weekUrl);

        Assert.Contains("Call at lunch on Wednesday: Partly", bAfter.Document.QuerySelector("#partner-answers .carry-over")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Call at lunch on Wednesday: Partly", aAfter.Document.QuerySelector("#my-answers .carry-over")!.TextContent, StringComparison.Ordinal);
        Assert.Null(aAfter.Document.QuerySelector("#step-noticed-form"));

        var aCsv = await (await f.ABrowser.GetAsync("/Account/Manage/PersonalData?handler=CheckInsCsv")).Content.ReadAsStringAsync();
        var bCsv = await (await f.BBrowser.GetAsync("/Account/Manage/PersonalData?handler=CheckInsCsv")).Content.ReadAsStringAsync();

        Assert.Contains("One small thing,How last week's small thing went,Submitted (UTC)", aCsv, StringComparison.Ordinal);
        Assert.Contains(",Partly,", aCsv, StringComparison.Ordinal);
        Assert.DoesNotContain("Partly", bCsv, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InoticedIsPossibleOnlyOnceTheWeekIsRevealed()
    {
        var f = await RevealedAsync(Answers(smallStep: "Plan Friday evening"), Answers());
        app.Clock.Advance(TimeSpan.FromDays(7));
        var coupleWeek = (await app.WithCheckInsAsync(app.Clock, s => s.GetThisWeekAsync(f.A.Id)))!.Week.ToString();
        var weekUrl = $"/CheckIns/Week/{f.CoupleId}/{coupleWeek}";
        await f.ABrowser.SubmitAndReadAsync(await f.ABrowser.GetPageAsync("/CheckIns"), "#checkin-form", Form(new() { ["Input.LastStep"] = "Done" }));
        var aCheckIn = await app.WithDbAsync(db => db.CheckIns.Where(c => c.AuthorId == f.A.Id).OrderByDescending(c => c.WeekKey).Select(c => c.Id).FirstAsync());
        var token = (await f.BBrowser.GetPageAsync("/CheckIns")).Document.QuerySelector<IHtmlInputElement>("input[name=__RequestVerificationToken]")!.Value;

        var early = await f.BBrowser.PostAsync($"{weekUrl}?handler=Noticed", new FormUrlEncodedContent([new("__RequestVerificationToken", token)]));
        var earlyByService = await app.WithServiceAsync<Result, CheckInService>(app.Clock, s => s.NoticeStepAsync(f.B.Id, aCheckIn));
        var noticedEarly = await app.WithDbAsync(db => db.CheckIns.Where(c => c.Id == aCheckIn).Select(c => c.StepNoticedAt).SingleAsync());

        Assert.Equal(HttpStatusCode.NotFound, early.StatusCode);
        Assert.Equal(RefusalKind.NotFound, earlyByService.Error!.Kind);
        Assert.Null(noticedEarly);

        var revealed = await f.BBrowser.SubmitAndReadAsync(await f.BBrowser.GetPageAsync("/CheckIns"), "#checkin-form", Form());
        var noticed = await f.BBrowser.SubmitAndReadAsync(revealed, "#step-noticed-form");
        var aSees = await f.ABrowser.GetPageAsync(weekUrl);

        Assert.Contains("Thank you for noticing.", noticed.Text, StringComparison.Ordinal);
        Assert.NotNull(noticed.Document.QuerySelector("#step-noticed"));
        Assert.NotNull(await app.WithDbAsync(db => db.CheckIns.Where(c => c.Id == aCheckIn).Select(c => c.StepNoticedAt).SingleAsync()));
        Assert.Null(aSees.Document.QuerySelector("#step-noticed-form"));
    }

    [Fact]
    public async Task APausedCoupleGetsNoGuide()
    {
        var f = await RevealedAsync(Answers(trust: 1), Answers(trust: 5));
        await app.WithServiceAsync<Result, PauseService>(app.Clock, p => p.ProposeAsync(f.A.Id, 2));
        var pause = await app.WithServiceAsync<PauseService.PauseView?, PauseService>(app.Clock, p => p.GetAsync(f.B.Id));
        await app.WithServiceAsync<Result, PauseService>(app.Clock, p => p.AnswerAsync(f.B.Id, pause!.Id, true));

        var talk = await f.ABrowser.GetAsync(f.Talk());
        var step = await f.BBrowser.GetAsync(f.Talk(1));
        var keep = await app.WithServiceAsync<Result, ConversationService>(app.Clock, c => c.KeepStepAsync(f.A.Id, f.CoupleId, f.IsoWeek, "Rest"));
        var week = await f.ABrowser.GetPageAsync($"/CheckIns/Week/{f.CoupleId}/{f.Week}");

        Assert.Equal(HttpStatusCode.NotFound, talk.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, step.StatusCode);
        Assert.Equal(RefusalKind.NotFound, keep.Error!.Kind);
        Assert.Null(week.Document.QuerySelector("#talk-it-through"));
    }

    [Fact]
    public async Task AClosedCoupleGetsNoGuide()
    {
        var f = await RevealedAsync(Answers(trust: 1), Answers(trust: 5));
        Assert.NotNull((await f.ABrowser.GetPageAsync($"/CheckIns/Week/{f.CoupleId}/{f.Week}")).Document.QuerySelector("#talk-it-through"));
        await app.WithServiceAsync<Result, CoupleService>(c => c.LeaveAsync(f.B.Id));

        var forA = await f.ABrowser.GetAsync(f.Talk());
        var forB = await f.BBrowser.GetAsync(f.Talk(2));
        var table = await app.WithServiceAsync<Result<int>, ConversationService>(app.Clock, c => c.AddToTableAsync(f.A.Id, f.CoupleId, f.IsoWeek, null, "Rest"));

        Assert.Equal(HttpStatusCode.NotFound, forA.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, forB.StatusCode);
        Assert.Equal(RefusalKind.NotFound, table.Error!.Kind);
    }

    [Fact]
    public async Task AnotherCoupleAndAnAdministratorGetNotFound()
    {
        var f = await RevealedAsync(Answers(trust: 1), Answers(trust: 5));
        var (other, otherPartner) = await app.CreateCoupleAsync();
        await app.SubmitThisWeekAsync(app.Clock, other, Answers());
        await app.SubmitThisWeekAsync(app.Clock, otherPartner, Answers());
        var stranger = await app.SignInAsync(other);
        var admin = await app.SignInAsync(await app.CreateUserAsync(email: app.AdminEmail));

        var responses = new[]
        {
            await stranger.GetAsync(f.Talk()),
            await stranger.GetAsync(f.Talk(1)),
            await admin.GetAsync(f.Talk()),
            await admin.GetAsync(f.Talk(2)),
        };
        var keep = await app.WithServiceAsync<Result, ConversationService>(app.Clock, c => c.KeepStepAsync(other.Id, f.CoupleId, f.IsoWeek, "Not ours"));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.NotFound, r.StatusCode));
        Assert.Equal(RefusalKind.NotFound, keep.Error!.Kind);
        Assert.Equal(0, await app.WithDbAsync(db => db.SharedSteps.CountAsync(s => s.CoupleId == f.CoupleId)));
    }

    [Fact]
    public async Task APostNamingNoHandlerIsNotFoundAndKeepsNothing()
    {
        var f = await RevealedAsync(Answers(trust: 1), Answers(trust: 5));
        var week = await f.ABrowser.GetPageAsync($"/CheckIns/Week/{f.CoupleId}/{f.Week}");

        var onTalk = await f.ABrowser.PostWithTokenOfAsync(week, f.Talk(), new() { ["Input.Step"] = "We walk after dinner" });
        var onWeek = await f.ABrowser.PostWithTokenOfAsync(week, $"/CheckIns/Week/{f.CoupleId}/{f.Week}");

        Assert.Equal(HttpStatusCode.NotFound, onTalk.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, onWeek.StatusCode);
        Assert.Equal(0, await app.WithDbAsync(db => db.SharedSteps.CountAsync(s => s.CoupleId == f.CoupleId)));
    }

    [Fact]
    public async Task ATherapistSeesKeptStepsAndHowStepsWentOnlyUnderBothPartnersCheckInConsent()
    {
        var f = await RevealedAsync(Answers(trust: 1), Answers(trust: 5));
        var canary = $"Kept{Guid.NewGuid():N}";
        await app.WithServiceAsync<Result, ConversationService>(app.Clock, c => c.KeepStepAsync(f.A.Id, f.CoupleId, f.IsoWeek, canary));
        var (therapist, code, key) = await app.CreateTherapistAsync("Dr Lane");
        await f.ABrowser.SubmitAsync(await f.ABrowser.GetPageAsync("/Couple/Therapist"), "#link-therapist-form", new() { ["Link.Code"] = code });
        var reader = await app.SignInWithTwoFactorAsync(therapist, key);
        await ConsentAsync(f.ABrowser, "Input.Feelings");
        await ConsentAsync(f.BBrowser, "Input.Feelings");

        var withoutCheckIns = await reader.GetPageAsync($"/Therapist/Summary/{f.CoupleId}");
        var guide = await reader.GetAsync(f.Talk());
        await ConsentAsync(f.ABrowser, "Input.CheckIns");
        var oneSharing = await reader.GetPageAsync($"/Therapist/Summary/{f.CoupleId}");
        await ConsentAsync(f.BBrowser, "Input.CheckIns");
        var bothSharing = await reader.GetPageAsync($"/Therapist/Summary/{f.CoupleId}");

        Assert.DoesNotContain(canary, withoutCheckIns.Html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, guide.StatusCode);
        Assert.DoesNotContain(canary, oneSharing.Html, StringComparison.Ordinal);
        Assert.Contains(canary, bothSharing.Document.QuerySelector("#kept-steps")!.TextContent, StringComparison.Ordinal);
    }

    private static async Task ConsentAsync(HttpClient partner, string scope) =>
        await partner.SubmitAsync(await partner.GetPageAsync("/Couple/Therapist"), "#consent-form", new() { [scope] = "true", ["Input.Start"] = "AllHistory" });

    private static string Flat(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private static Dictionary<string, string> Form(Dictionary<string, string>? extra = null)
    {
        var form = new Dictionary<string, string>
        {
            ["Input.Trust"] = "4",
            ["Input.FeelingHeard"] = "4",
            ["Input.Connection"] = "4",
            ["Input.FollowThrough"] = "4",
            ["Input.EmotionalSafety"] = "4",
        };
        foreach (var (name, value) in extra ?? [])
        {
            form[name] = value;
        }

        return form;
    }

    private async Task<Revealed> RevealedAsync(CheckInAnswers forA, CheckInAnswers forB)
    {
        var (a, b) = await app.CreateCoupleAsync("Ana", "Ben");
        await app.SubmitThisWeekAsync(app.Clock, a, forA);
        await app.SubmitThisWeekAsync(app.Clock, b, forB);
        var week = (await app.WithCheckInsAsync(app.Clock, s => s.GetThisWeekAsync(a.Id)))!.Week;
        return new Revealed(a, b, await app.CoupleIdAsync(a), week, await app.SignInAsync(a), await app.SignInAsync(b));
    }
}
