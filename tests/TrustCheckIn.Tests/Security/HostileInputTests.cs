using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TrustCheckIn.CheckIns;
using TrustCheckIn.Couples;
using TrustCheckIn.Data;
using TrustCheckIn.Expectations;
using TrustCheckIn.Feelings;
using TrustCheckIn.Tests.Infrastructure;
using TrustCheckIn.Therapy;
using Xunit.Abstractions;

namespace TrustCheckIn.Tests.Security;

// A couple with a revealed week, a row, statements the partner shared, a linked therapist and a loner.
public sealed class HostileSetup
{
    public required TestUser A { get; init; }

    public required HttpClient AsA { get; init; }

    public required HttpClient AsB { get; init; }

    public required int CoupleId { get; init; }

    public required string RevealedWeek { get; init; }

    public required int Row { get; init; }

    public required IReadOnlyList<int> SharedByB { get; init; }

    public static async Task<HostileSetup> BuildAsync(TestApp app, int sharedStatements = 0)
    {
        var (a, b) = await app.CreateCoupleAsync();
        await using var scope = app.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var checkIns = services.GetRequiredService<CheckInService>();
        var week = (await checkIns.GetThisWeekAsync(a.Id))!.Week;
        var answers = new CheckInAnswers(new Ratings(3, 3, 3, 3, 3), "A good week", null, null);
        await checkIns.SubmitAsync(a.Id, week.Key, answers);
        await checkIns.SubmitAsync(b.Id, week.Key, answers);
        app.Clock.Advance(TimeSpan.FromDays(7));
        var row = (await services.GetRequiredService<ExpectationService>().AddAsync(a.Id, new ExpectationContent("Closeness", "A walk together", ExpectationFrequency.Weekly, null))).Value;
        var feelings = services.GetRequiredService<FeelingService>();
        var shared = new List<int>();
        for (var i = 0; i < sharedStatements; i++)
        {
            var id = (await feelings.SaveDraftAsync(b.Id, new FeelingWords("tired", $"the week fills up ({i})", null))).Value;
            await feelings.ShareAsync(b.Id, id);
            shared.Add(id);
        }

        return new HostileSetup
        {
            A = a,
            AsA = await app.SignInAsync(a),
            AsB = await app.SignInAsync(b),
            CoupleId = (await services.GetRequiredService<CoupleService>().GetActiveAsync(a.Id))!.Id,
            RevealedWeek = week.ToString(),
            Row = row,
            SharedByB = shared,
        };
    }

    // Every text field of the check-in and expectations pages, with the pages that show what was typed.
    public IReadOnlyList<HostileField> CheckInAndExpectationFields()
    {
        var views = () => ViewsAsync(this);
        return
        [
            new("check-in: what went well", AsA, _ => "/CheckIns", "#checkin-form", "Input.WentWell", Views: views),
            new("check-in: on my mind", AsA, _ => "/CheckIns", "#checkin-form", "Input.OnMyMind"),
            new("check-in: one small thing", AsA, _ => "/CheckIns", "#checkin-form", "Input.SmallStep", Views: views),
            new("check-in reply", AsA, _ => $"/CheckIns/Week/{CoupleId}/{RevealedWeek}", "#reply-form", "Input.Text",
                Views: async () => [await HostileInput.ViewAsync(AsB, $"/CheckIns/Week/{CoupleId}/{RevealedWeek}")]),
            new("expectation need", AsA, _ => $"/Expectations/Edit/{Row}", "#edit-form", "Input.Need", FreshFormEachTime: true, Views: views),
            new("expectation action", AsA, _ => $"/Expectations/Edit/{Row}", "#edit-form", "Input.Action", FreshFormEachTime: true, Views: views),
            new("expectation custom frequency", AsA, _ => $"/Expectations/Edit/{Row}", "#edit-form", "Input.CustomFrequency", new() { ["Input.Frequency"] = "Custom" }, FreshFormEachTime: true, Views: views),
            new("follow-through note", AsA, _ => $"/Expectations/Row/{Row}", "#did-form", "Input.Note",
                Views: async () => [await HostileInput.ViewAsync(AsB, $"/Expectations/Row/{Row}")]),
        ];
    }

    // Every text field of the feelings and journal pages.
    public IReadOnlyList<HostileField> FeelingAndJournalFields()
    {
        var export = async () => (IReadOnlyList<(string, string)>)[await HostileInput.ViewAsync(AsA, "/Account/Manage/PersonalData?handler=Download"), await HostileInput.ViewAsync(AsA, "/Journal"), await HostileInput.ViewAsync(AsA, "/Feelings")];
        return
        [
            new("feeling: own word", AsA, _ => "/Feelings/Compose", "#compose-form", "Input.OwnFeeling", new() { ["Input.Feeling"] = "", ["Input.Situation"] = "plans change" }),
            new("feeling: situation", AsA, _ => "/Feelings/Compose", "#compose-form", "Input.Situation", new() { ["Input.Feeling"] = "hurt" }),
            new("feeling: need", AsA, _ => "/Feelings/Compose", "#compose-form", "Input.Need", new() { ["Input.Feeling"] = "hurt", ["Input.Situation"] = "plans change" }, Views: export),
            new("feeling reply", AsA, i => $"/Feelings/Statement/{SharedByB[i]}", "#acknowledge-form", "Input.Reply", FreshFormEachTime: true,
                Views: async () => [await HostileInput.ViewAsync(AsB, $"/Feelings/Statement/{SharedByB[^1]}"), await HostileInput.ViewAsync(AsB, "/Feelings?list=SharedByMe")]),
            new("journal entry", AsA, _ => "/Journal/New", "#entry-form", "Input.Text", Views: export),
            new("checklist values", AsA, _ => "/Journal/Checklist", "#checklist-form", "Input.CoreValues"),
            new("checklist boundaries", AsA, _ => "/Journal/Checklist", "#checklist-form", "Input.Boundaries", Views: export),
            new("reflection note", AsA, _ => "/Journal/Reflections", "#reflection-form", "Input.Note", Views: export),
        ];
    }

    private static async Task<IReadOnlyList<(string, string)>> ViewsAsync(HostileSetup s) =>
    [
        await HostileInput.ViewAsync(s.AsA, "/CheckIns"),
        await HostileInput.ViewAsync(s.AsB, "/Expectations"),
        await HostileInput.ViewAsync(s.AsB, "/Expectations/History"),
        await HostileInput.ViewAsync(s.AsA, "/Account/Manage/PersonalData?handler=Download"),
    ];
}

public abstract class HostileInputTestsBase(TestApp app, ITestOutputHelper output)
{
    protected TestApp App => app;

    protected async Task RunAllAsync(IEnumerable<HostileField> fields, params (string Name, Func<Task<(List<string>, int)>> Run)[] extra)
    {
        var problems = new List<string>();
        var tried = 0;
        var fieldCount = 0;
        foreach (var field in fields)
        {
            var (found, count) = await HostileInput.RunAsync(field);
            problems.AddRange(found);
            tried += count;
            fieldCount++;
        }

        foreach (var (_, run) in extra)
        {
            var (found, count) = await run();
            problems.AddRange(found);
            tried += count;
            fieldCount++;
        }

        output.WriteLine($"Hostile input: {HostileInput.Payloads.Count} payloads × {fieldCount} fields = {tried} submissions, {problems.Count} problems.");
        Assert.True(HostileInput.Payloads.Count >= 200, $"Only {HostileInput.Payloads.Count} payloads.");
        Assert.Equal(HostileInput.Payloads.Count * fieldCount, tried);
        Assert.True(problems.Count == 0, string.Join("\n", problems.Distinct().Take(40)));
    }
}

public sealed class HostileInputCheckInsAndExpectationsTests(TestApp app, ITestOutputHelper output) : HostileInputTestsBase(app, output), IClassFixture<TestApp>
{
    [Fact]
    public async Task EveryCheckInAndExpectationsTextFieldTakesEveryPayloadAndShowsItOnlyEncoded()
    {
        var s = await HostileSetup.BuildAsync(App);

        await RunAllAsync(s.CheckInAndExpectationFields());
    }
}

public sealed class HostileInputFeelingsAndJournalTests(TestApp app, ITestOutputHelper output) : HostileInputTestsBase(app, output), IClassFixture<TestApp>
{
    [Fact]
    public async Task EveryFeelingAndJournalTextFieldTakesEveryPayloadAndShowsItOnlyEncoded()
    {
        var s = await HostileSetup.BuildAsync(App, HostileInput.Payloads.Count);

        await RunAllAsync(
            s.FeelingAndJournalFields(),
            ("journal search", () => SearchAsync(s.AsA)));
    }

    private static async Task<(List<string>, int)> SearchAsync(HttpClient browser)
    {
        var problems = new List<string>();
        foreach (var payload in HostileInput.AllTagged)
        {
            var page = await browser.GetPageAsync("/Journal?q=" + Uri.EscapeDataString(payload));
            problems.AddRange(HostileInput.Problems("journal search", page.Response.StatusCode, page, page.Html, payload));
        }

        return (problems, HostileInput.Payloads.Count);
    }
}

public sealed class HostileInputAccountsAndTherapistTests(TestApp app, ITestOutputHelper output) : HostileInputTestsBase(app, output), IClassFixture<TestApp>
{
    [Fact]
    public async Task EveryAccountCodeAndTherapistFieldTakesEveryPayloadAndNoMailCarriesIt()
    {
        var s = await HostileSetup.BuildAsync(App);
        var (therapist, _, key) = await App.CreateTherapistAsync();
        var asTherapist = await App.SignInWithTwoFactorAsync(therapist, key);
        var loner = await App.SignInAsync(await App.CreateUserAsync());
        var visitor = App.CreateBrowser();
        var therapistViews = async () => (IReadOnlyList<(string, string)>)[await HostileInput.ViewAsync(asTherapist, "/Therapist/Profile"), await HostileInput.ViewAsync(s.AsA, "/Couple/Therapist")];
        var emails = new List<string>();

        await RunAllAsync(
        [
            new("invitation code", loner, _ => "/Couple/Join", "#join-form", "Input.Code"),
            new("therapist link code", s.AsA, _ => "/Couple/Therapist", "#link-therapist-form", "Link.Code"),
            new("display name at registration", visitor, _ => "/Account/Register", "#register-form", "Input.DisplayName",
                new() { ["Input.Email"] = "hostile-{i}-" + Guid.NewGuid().ToString("N")[..8] + "@example.test", ["Input.Password"] = TestApp.Password, ["Input.ConfirmPassword"] = TestApp.Password }),
            new("therapist name", asTherapist, _ => "/Therapist/Profile", "#profile-form", "Input.DisplayName", new() { ["Input.PracticeName"] = "Calm Practice" }),
            new("therapist practice", asTherapist, _ => "/Therapist/Profile", "#profile-form", "Input.PracticeName", new() { ["Input.DisplayName"] = "Dr Calm" }),
            new("therapist licence", asTherapist, _ => "/Therapist/Profile", "#profile-form", "Input.Licence", new() { ["Input.DisplayName"] = "Dr Calm", ["Input.PracticeName"] = "Calm Practice" }, Views: therapistViews),
        ]);

        // The therapist's name as the couple sees it, once linked and after a look at the couple.
        await asTherapist.SubmitAsync(await asTherapist.GetPageAsync("/Therapist/Profile"), "#profile-form", new() { ["Input.DisplayName"] = "<script>alert(1)</script>", ["Input.PracticeName"] = "<img src=x onerror=alert(1)>" });
        var code = (await asTherapist.GetPageAsync("/Therapist/Profile")).Document.QuerySelector("#link-code")?.TextContent.Trim();
        Assert.False(string.IsNullOrEmpty(code), "No link code shown on the profile page.");
        await s.AsA.SubmitAsync(await s.AsA.GetPageAsync("/Couple/Therapist"), "#link-therapist-form", new() { ["Link.Code"] = code! });
        await asTherapist.GetAsync($"/Therapist/Couple/{s.CoupleId}");
        var couplesView = await s.AsA.GetPageAsync("/Couple/Therapist");
        Assert.Empty(HostileInput.Problems("the couple's therapist page", couplesView.Response.StatusCode, couplesView, couplesView.Html, "<script>alert(1)</script>"));
        Assert.Contains("&lt;script&gt;", couplesView.Html, StringComparison.Ordinal);

        App.WaitForBackgroundWork();
        var mails = Directory.Exists(App.OutboxFolder) ? Directory.GetFiles(App.OutboxFolder, "*.eml").Select(File.ReadAllText).ToList() : [];
        emails.AddRange(mails.SelectMany(mail => HostileInput.AllTagged.Where(p => p.Length > 3 && mail.Contains(p, StringComparison.Ordinal)).Select(p => $"mail carries {p}")));
        Assert.True(mails.Count >= 100, $"Only {mails.Count} mails written.");
        Assert.Empty(emails);
    }

    [Fact]
    public async Task OversizedWrongMissingDuplicatedAndOverpostedFieldsGetAClearAnswerAndChangeNothingHidden()
    {
        var s = await HostileSetup.BuildAsync(App, 1);
        var other = await App.CreateCoupleAsync();
        var (_, linkCode, _) = await App.CreateTherapistAsync();
        await App.WithServiceAsync<TrustCheckIn.Common.Result, PartnerConsentService>(t => t.LinkAsync(s.A.Id, linkCode));
        var forms = new (string Url, string Form)[]
        {
            ("/CheckIns", "#checkin-form"), ($"/CheckIns/Week/{s.CoupleId}/{s.RevealedWeek}", "#reply-form"), ("/Expectations/Add", "#add-form"),
            ($"/Expectations/Edit/{s.Row}", "#edit-form"), ($"/Expectations/Row/{s.Row}", "#did-form"), ("/Feelings/Compose", "#compose-form"),
            ($"/Feelings/Statement/{s.SharedByB[0]}", "#acknowledge-form"), ("/Journal/New", "#entry-form"), ("/Journal/Checklist", "#checklist-form"),
            ("/Journal/Reflections", "#reflection-form"), ("/Couple", "#schedule-form"), ("/Couple/Therapist", "#consent-form"),
            ("/Account/Register", "#register-form"), ("/Account/Manage/ChangePassword", "#change-password-form"), ("/Account/Manage/Email", "#change-email-form"),
        };
        var overposted = new Dictionary<string, string>
        {
            ["Input.AuthorId"] = other.A.Id, ["AuthorId"] = other.A.Id, ["Input.CoupleId"] = "999999", ["CoupleId"] = "999999", ["Input.Id"] = "999999",
            ["Input.SealedAt"] = "2001-01-01", ["SealedAt"] = "2001-01-01", ["Input.SharedAt"] = "2001-01-01", ["Input.PartnerId"] = other.A.Id,
            ["Input.TherapistStatus"] = "Approved", ["Input.EmailConfirmed"] = "true", ["Input.LinkCode"] = "AAAAAAAAAA", ["Input.UserId"] = other.A.Id,
        };
        var problems = new List<string>();
        var attempts = 0;

        foreach (var (url, selector) in forms)
        {
            var page = await s.AsA.GetPageAsync(url);
            var form = page.Document.QuerySelector<AngleSharp.Html.Dom.IHtmlFormElement>(selector) ?? throw new InvalidOperationException($"No {selector} on {url}");
            var textFields = form.QuerySelectorAll("textarea, input:not([type]), input[type=text], input[type=search], input[type=email]")
                .Select(e => e.GetAttribute("name")).OfType<string>().ToList();
            var allFields = form.QuerySelectorAll("[name]").Select(e => e.GetAttribute("name")!).Where(n => n != "__RequestVerificationToken").Distinct().ToList();
            var token = form.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("input[name=__RequestVerificationToken]")!.Value;
            var target = new Uri(page.Url, form.GetAttribute("action") ?? page.Url.PathAndQuery);

            async Task TryAsync(string how, IEnumerable<KeyValuePair<string, string>> fields, bool mustExplain)
            {
                attempts++;
                var response = await s.AsA.PostAsync(target, new FormUrlEncodedContent(fields.Prepend(new("__RequestVerificationToken", token))));
                var result = await HtmlPage.ReadAsync(response);
                if ((int)response.StatusCode >= 500 || (mustExplain && !HostileInput.HasValidationMessage(result)))
                {
                    problems.Add($"{selector} {how}: {(int)response.StatusCode} at {result.Url.AbsolutePath}{(mustExplain ? ", no validation message" : "")}");
                }
            }

            foreach (var field in textFields)
            {
                await TryAsync($"with {field} far too long", [new(field, new string('x', 20_001))], mustExplain: true);
            }

            await TryAsync("with nothing filled in", [], mustExplain: false);

            foreach (var field in allFields)
            {
                foreach (var wrong in new[] { "not-a-number-☃", "99999999999999999999", "-1", "1e309", "2026-13-45", "" })
                {
                    await TryAsync($"with {field}={wrong}", [new(field, wrong)], mustExplain: false);
                }

                await TryAsync($"with {field} twice", [new(field, "first"), new(field, "second")], mustExplain: false);
            }

            // Over-posting rides on an otherwise valid form, so the save really happens.
            attempts++;
            var valid = form.QuerySelectorAll<AngleSharp.Html.Dom.IHtmlTextAreaElement>("textarea").Where(t => t.Value.Length == 0).ToDictionary(t => t.Name!, _ => "An honest note");
            foreach (var group in form.QuerySelectorAll<AngleSharp.Html.Dom.IHtmlInputElement>("input[type=radio]").GroupBy(r => r.Name!).Where(g => !g.Any(r => r.IsChecked)))
            {
                valid[group.Key] = group.First().Value;
            }

            var overpost = await s.AsA.SubmitAsync(page, selector, valid.Concat(overposted).ToDictionary());
            if ((int)overpost.StatusCode >= 500)
            {
                problems.Add($"{selector} over-posted: {(int)overpost.StatusCode}");
            }
        }

        var tampered = await TamperedRowsAsync(other.A.Id, s.A.Id);
        Assert.True(problems.Count == 0, string.Join("\n", problems.Take(40)));
        Assert.True(attempts >= 150, $"Only {attempts} malformed submissions.");
        Assert.Equal(0, tampered);
    }

    // After the over-posting: nothing is attributed to the other person, and nothing sealed or shared by a posted date.
    private async Task<int> TamperedRowsAsync(string otherId, string aId)
    {
        var posted = new DateTime(2002, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        return await db.CheckIns.CountAsync(c => c.AuthorId == otherId || c.SealedAt < posted) + await db.JournalEntries.CountAsync(e => e.AuthorId == otherId)
            + await db.FeelingStatements.CountAsync(f => f.AuthorId == otherId || f.SharedAt < posted) + await db.FollowThroughs.CountAsync(f => f.DoneById == otherId)
            + await db.CheckInReplies.CountAsync(r => r.AuthorId == otherId) + await db.Consents.CountAsync(c => c.PartnerId == otherId)
            + await db.TherapistProfiles.CountAsync(p => p.LinkCode == "AAAAAAAAAA") + await db.Users.CountAsync(u => u.Id == aId && u.TherapistStatus != TrustCheckIn.Accounts.TherapistStatus.None);
    }
}
