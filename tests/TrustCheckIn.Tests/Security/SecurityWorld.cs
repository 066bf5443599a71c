using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TrustCheckIn.Accounts;
using TrustCheckIn.CheckIns;
using TrustCheckIn.Conversations;
using TrustCheckIn.Couples;
using TrustCheckIn.Data;
using TrustCheckIn.Expectations;
using TrustCheckIn.Feelings;
using TrustCheckIn.Journal;
using TrustCheckIn.Tests.Infrastructure;
using TrustCheckIn.Therapy;

namespace TrustCheckIn.Tests.Security;

public enum Actor
{
    Anonymous,
    PartnerA,
    PartnerB,
    OtherCouple,
    TherapistUnlinked,
    TherapistWithConsent,
    TherapistRevoked,
    Administrator,
    TherapistWithoutTwoFactor,
}

// One canary: a unique word written into one entry, and who may ever receive it.
public sealed record Canary(string Name, string Text, Actor Author, IReadOnlySet<Actor> MaySee);

// A couple that has written one entry of every kind, each with its own canary, plus every other kind of
// person the app knows. Each test class builds its own on its own TestApp.
public sealed class SecurityWorld
{
    private readonly Dictionary<Actor, HttpClient> browsers = [];

    private SecurityWorld(TestApp app) => App = app;

    public TestApp App { get; }

    public IReadOnlyDictionary<Actor, HttpClient> Browsers => browsers;

    public Dictionary<Actor, TestUser> Users { get; } = [];

    public List<Canary> Canaries { get; } = [];

    public int CoupleId { get; private set; }

    public int OtherCoupleId { get; private set; }

    public string RevealedWeek { get; private set; } = "";

    public string ThisWeek { get; private set; } = "";

    public int JournalPrivateA { get; private set; }

    public int JournalShareableA { get; private set; }

    public int JournalForDeleteA { get; private set; }

    public int JournalPrivateB { get; private set; }

    public int ReflectionA { get; private set; }

    public int ExpectationRow { get; private set; }

    public int SpareExpectationRow { get; private set; }

    public int FollowThroughByB { get; private set; }

    public int FeelingDraftA { get; private set; }

    public int FeelingSharedA { get; private set; }

    public int FeelingDraftB { get; private set; }

    public int FeelingForShareA { get; private set; }

    public int FeelingForWithdrawA { get; private set; }

    public int FeelingForDeleteA { get; private set; }

    public int FeelingForAcknowledgeA { get; private set; }

    public int FeelingForTalkedAboutA { get; private set; }

    public int AdminInvitation { get; private set; }

    public string AdminInvitationCode { get; private set; } = "";

    public string PendingTherapistToApprove { get; private set; } = "";

    public int OpenRequestOfA { get; private set; }

    public int AgendaItemOfA { get; private set; }

    public int AgendaItemOfB { get; private set; }

    public int AgendaForRemoveA { get; private set; }

    public int PracticeOfCouple { get; private set; }

    public string CalendarUrlOfA { get; private set; } = "";

    public string UnsubscribeTokenOfA { get; private set; } = "";

    public string NotificationUnsubscribeTokenOfA { get; private set; } = "";

    public string PendingTherapistToReject { get; private set; } = "";

    public int NotificationOfB { get; private set; }

    public int PauseProposedByA { get; private set; }

    public Canary this[string name] => Canaries.Single(c => c.Name == name);

    public static async Task<SecurityWorld> BuildAsync(TestApp app, bool signIn = true)
    {
        var world = new SecurityWorld(app);
        await world.SeedAsync();
        if (signIn)
        {
            await world.SignInEveryoneAsync();
        }

        return world;
    }

    public HttpClient Browser(Actor actor) => browsers[actor];

    private string NewCanary(string name, Actor author, params Actor[] maySee)
    {
        var text = $"Canary{name}{Guid.NewGuid().ToString("N")[..10]}";
        Canaries.Add(new Canary(name, text, author, new HashSet<Actor>(maySee.Append(author))));
        return text;
    }

    private async Task SeedAsync()
    {
        var (a, b) = await App.CreateCoupleAsync($"Asha {Guid.NewGuid().ToString("N")[..8]}", $"Bo {Guid.NewGuid().ToString("N")[..8]}");
        var (c, _) = await App.CreateCoupleAsync("Cai Other", "Dee Other");
        Users[Actor.PartnerA] = a;
        Users[Actor.PartnerB] = b;
        Users[Actor.OtherCouple] = c;
        var unlinked = await App.CreateTherapistAsync($"Dr Unlinked {Guid.NewGuid().ToString("N")[..8]}");
        var consented = await App.CreateTherapistAsync($"Dr Consented {Guid.NewGuid().ToString("N")[..8]}");
        var revoked = await App.CreateTherapistAsync($"Dr Revoked {Guid.NewGuid().ToString("N")[..8]}");
        Users[Actor.TherapistUnlinked] = unlinked.User;
        Users[Actor.TherapistWithConsent] = consented.User;
        Users[Actor.TherapistRevoked] = revoked.User;
        authenticatorKeys[Actor.TherapistUnlinked] = unlinked.AuthenticatorKey;
        authenticatorKeys[Actor.TherapistWithConsent] = consented.AuthenticatorKey;
        authenticatorKeys[Actor.TherapistRevoked] = revoked.AuthenticatorKey;
        Users[Actor.Administrator] = await AdministratorAsync();
        Users[Actor.TherapistWithoutTwoFactor] = await ApprovedTherapistWithoutTwoFactorAsync();

        var both = new[] { Actor.PartnerA, Actor.PartnerB };
        var couple = new[] { Actor.PartnerA, Actor.PartnerB, Actor.TherapistWithConsent };

        await using var scope = App.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<AppDbContext>();
        var checkIns = services.GetRequiredService<CheckInService>();
        var expectations = services.GetRequiredService<ExpectationService>();
        var followThroughs = services.GetRequiredService<FollowThroughService>();
        var feelings = services.GetRequiredService<FeelingService>();
        var journal = services.GetRequiredService<JournalService>();
        var reflections = services.GetRequiredService<ReflectionService>();
        var therapy = services.GetRequiredService<PartnerConsentService>();
        var couples = services.GetRequiredService<CoupleService>();

        CoupleId = (await couples.GetActiveAsync(a.Id))!.Id;
        OtherCoupleId = (await couples.GetActiveAsync(c.Id))!.Id;

        // Last week: both answered, so both answers and the replies are revealed to the couple.
        var lastWeek = (await checkIns.GetThisWeekAsync(a.Id))!.Week;
        RevealedWeek = lastWeek.ToString();
        Must(await checkIns.SubmitAsync(a.Id, lastWeek.Key, Answers(NewCanary("CheckInA", Actor.PartnerA, couple))));
        Must(await checkIns.SubmitAsync(b.Id, lastWeek.Key, Answers(NewCanary("CheckInB", Actor.PartnerB, couple))));
        var checkInOfB = await db.CheckIns.Where(x => x.AuthorId == b.Id).Select(x => x.Id).SingleAsync();
        Must(await checkIns.ReplyAsync(a.Id, checkInOfB, NewCanary("ReplyA", Actor.PartnerA, couple)));
        Must(await checkIns.SubmitAsync(c.Id, lastWeek.Key, Answers(NewCanary("CheckInOther", Actor.OtherCouple))));
        Must(await services.GetRequiredService<ConversationService>().KeepStepAsync(a.Id, CoupleId, lastWeek, NewCanary("SharedStep", Actor.PartnerA, couple)));
        // As if B had said how the week before went: the first week has no week before it to ask about.
        await db.CheckIns.Where(x => x.Id == checkInOfB).ExecuteUpdateAsync(s => s.SetProperty(x => x.LastStepOutcome, StepOutcome.Partly));

        // This week: only B has answered, so A must not see it yet.
        App.Clock.Advance(TimeSpan.FromDays(7));
        var thisWeek = (await checkIns.GetThisWeekAsync(b.Id))!.Week;
        ThisWeek = thisWeek.ToString();
        Must(await checkIns.SubmitAsync(b.Id, thisWeek.Key, Answers(NewCanary("CheckInBHidden", Actor.PartnerB, Actor.TherapistWithConsent))));

        var row = await expectations.AddAsync(a.Id, new ExpectationContent(NewCanary("ExpectationNeed", Actor.PartnerA, couple), "Share the day's plans each morning", ExpectationFrequency.Daily, null));
        ExpectationRow = Must(row);
        SpareExpectationRow = Must(await expectations.AddAsync(b.Id, new ExpectationContent("Reassurance", "Say thank you out loud", ExpectationFrequency.Weekly, null)));
        Must(await followThroughs.RecordFollowThroughAsync(a.Id, ExpectationRow, NewCanary("FollowThroughNote", Actor.PartnerA, couple)));
        Must(await followThroughs.RecordFollowThroughAsync(b.Id, ExpectationRow, "Planned the week together"));
        FollowThroughByB = await db.FollowThroughs.Where(f => f.DoneById == b.Id).Select(f => f.Id).SingleAsync();
        Must(await followThroughs.RecordFollowThroughAsync(b.Id, ExpectationRow, "Called at lunch"));
        Must(await followThroughs.NoticeAsync(a.Id, await db.FollowThroughs.Where(f => f.DoneById == b.Id).MaxAsync(f => f.Id)));

        FeelingDraftA = Must(await feelings.SaveDraftAsync(a.Id, Words(NewCanary("FeelingDraftA", Actor.PartnerA))));
        FeelingSharedA = Must(await feelings.SaveDraftAsync(a.Id, Words(NewCanary("FeelingSharedA", Actor.PartnerA, couple))));
        Must(await feelings.ShareAsync(a.Id, FeelingSharedA));
        Must(await feelings.AcknowledgeAsync(b.Id, FeelingSharedA, NewCanary("FeelingReplyB", Actor.PartnerB, couple)));
        FeelingDraftB = Must(await feelings.SaveDraftAsync(b.Id, Words(NewCanary("FeelingDraftB", Actor.PartnerB))));
        var sharedByB = await SharedAsync(feelings, b.Id, NewCanary("FeelingSharedB", Actor.PartnerB, couple));
        Must(await feelings.AcknowledgeAsync(a.Id, sharedByB, NewCanary("FeelingReplyA", Actor.PartnerA, couple)));
        Must(await feelings.MarkTalkedAboutAsync(a.Id, sharedByB));
        FeelingForShareA = Must(await feelings.SaveDraftAsync(a.Id, Words("the evenings get busy")));
        FeelingForDeleteA = Must(await feelings.SaveDraftAsync(a.Id, Words("plans change late")));
        FeelingForWithdrawA = await SharedAsync(feelings, a.Id, "we rush breakfast");
        FeelingForAcknowledgeA = await SharedAsync(feelings, a.Id, "the phone stays out at dinner");
        FeelingForTalkedAboutA = await SharedAsync(feelings, a.Id, "weekends fill up");

        JournalPrivateA = Must(await journal.CreateAsync(a.Id, new(JournalPrompt.CoreValues, NewCanary("JournalPrivateA", Actor.PartnerA), false)));
        JournalShareableA = Must(await journal.CreateAsync(a.Id, new(null, NewCanary("JournalShareableA", Actor.PartnerA, Actor.TherapistWithConsent), true)));
        JournalForDeleteA = Must(await journal.CreateAsync(a.Id, new(null, "A short note to delete", false)));
        JournalPrivateB = Must(await journal.CreateAsync(b.Id, new(null, NewCanary("JournalPrivateB", Actor.PartnerB), false)));
        Must(await journal.SaveChecklistAsync(a.Id, $"honesty\n{NewCanary("ChecklistA", Actor.PartnerA)}", "Evenings to myself"));
        ReflectionA = Must(await reflections.SaveThisMonthAsync(a.Id, new(new PatternRatings(1, 2, 3, 4, 0, 1, 2, 3, 4), NewCanary("ReflectionNoteA", Actor.PartnerA), false)));

        // The other couple writes too: nobody in the first couple may ever see it.
        Must(await journal.CreateAsync(c.Id, new(null, NewCanary("JournalOther", Actor.OtherCouple), true)));
        await SharedAsync(feelings, c.Id, NewCanary("FeelingOther", Actor.OtherCouple));

        // The revoked therapist was linked and trusted, then unlinked; the current one has full consent.
        Must(await therapy.LinkAsync(a.Id, revoked.LinkCode));
        Must(await therapy.GrantAsync(a.Id, ConsentScope.CheckIns | ConsentScope.Feelings | ConsentScope.Journal | ConsentScope.Expectations, ConsentStart.AllHistory, null));
        Must(await therapy.GrantAsync(b.Id, ConsentScope.CheckIns | ConsentScope.Feelings | ConsentScope.Journal | ConsentScope.Expectations, ConsentStart.AllHistory, null));
        Must(await therapy.UnlinkAsync(b.Id));
        Must(await therapy.LinkAsync(a.Id, consented.LinkCode));
        // Asked before A granted everything, so one request of the therapist's stays open for A to answer.
        Must(await services.GetRequiredService<ConsentRequestService>().RequestAsync(consented.User.Id, CoupleId, a.Id, ConsentScope.Journal, null));
        OpenRequestOfA = await services.GetRequiredService<AppDbContext>().ConsentRequests.Where(r => r.PartnerId == a.Id).Select(r => r.Id).SingleAsync();
        // Both share practice; only A shares the agenda, so B's agenda item is the couple's alone.
        Must(await therapy.GrantAsync(a.Id, ConsentScope.CheckIns | ConsentScope.Feelings | ConsentScope.Journal | ConsentScope.Expectations | ConsentScope.Agenda | ConsentScope.Practice, ConsentStart.AllHistory, null));
        Must(await therapy.GrantAsync(b.Id, ConsentScope.CheckIns | ConsentScope.Feelings | ConsentScope.Journal | ConsentScope.Expectations | ConsentScope.Practice, ConsentStart.AllHistory, null));
        var agenda = services.GetRequiredService<AgendaService>();
        AgendaItemOfA = Must(await agenda.AddAsync(a.Id, NewCanary("AgendaA", Actor.PartnerA, couple)));
        AgendaItemOfB = Must(await agenda.AddAsync(b.Id, NewCanary("AgendaB", Actor.PartnerB, both)));
        AgendaForRemoveA = Must(await agenda.AddAsync(a.Id, "Planning the holidays"));
        Must(await agenda.AddAsync(c.Id, NewCanary("AgendaOther", Actor.OtherCouple)));
        Must(await services.GetRequiredService<TherapistSessionService>().SuggestAsync(consented.User.Id, CoupleId, PracticeKind.OwnWords, NewCanary("PracticeText", Actor.TherapistWithConsent, both), null));
        PracticeOfCouple = await db.Practices.Where(p => p.CoupleId == CoupleId).Select(p => p.Id).SingleAsync();
        Must(await services.GetRequiredService<PracticeService>().AnswerAsync(a.Id, PracticeOfCouple, true, NewCanary("PracticeLineA", Actor.PartnerA, couple)));

        CalendarUrlOfA = new Uri(Must(await services.GetRequiredService<TrustCheckIn.Reminders.CalendarFeedService>().CreateOrRegenerateAsync(a.Id))).PathAndQuery;
        UnsubscribeTokenOfA = services.GetRequiredService<TrustCheckIn.Reminders.UnsubscribeTokens>().Create(a.Id, TrustCheckIn.Reminders.ReminderKind.CheckIn);
        NotificationUnsubscribeTokenOfA = services.GetRequiredService<TrustCheckIn.Reminders.UnsubscribeTokens>().Create(a.Id, TrustCheckIn.Notifications.NotificationKind.PartnerCheckedIn);

        // The administrator has no couple: an open invitation of theirs is something nobody else may revoke.
        var adminInvitation = Must(await couples.CreateInvitationAsync(Users[Actor.Administrator].Id, new CheckInSchedule("Europe/London", DayOfWeek.Sunday)));
        (AdminInvitation, AdminInvitationCode) = (adminInvitation.Id, adminInvitation.Code);
        PendingTherapistToApprove = (await App.CreateUserAsync("Pending One", asTherapist: true)).Id;
        PendingTherapistToReject = (await App.CreateUserAsync("Pending Two", asTherapist: true)).Id;
        NotificationOfB = await db.Notifications.Where(n => n.RecipientId == b.Id).MaxAsync(n => n.Id);

        // A pause A suggested and B has not answered: its buttons are the couple's, and another couple's members must not find it.
        Must(await services.GetRequiredService<PauseService>().ProposeAsync(a.Id, 2));
        PauseProposedByA = await db.CouplePauses.Where(p => p.CoupleId == CoupleId).Select(p => p.Id).SingleAsync();
    }

    private readonly Dictionary<Actor, string> authenticatorKeys = [];

    public async Task SignInEveryoneAsync()
    {
        browsers[Actor.Anonymous] = App.CreateBrowser(followRedirects: false);
        foreach (var actor in Users.Keys)
        {
            browsers[actor] = authenticatorKeys.TryGetValue(actor, out var key)
                ? await App.SignInWithTwoFactorAsync(Users[actor], key, followRedirects: false)
                : await App.SignInAsync(Users[actor], followRedirects: false);
        }
    }

    public async Task<HttpClient> SignInAgainAsync(Actor actor) => authenticatorKeys.TryGetValue(actor, out var key)
        ? await App.SignInWithTwoFactorAsync(Users[actor], key, followRedirects: false)
        : await App.SignInAsync(Users[actor], followRedirects: false);

    // The actor's own antiforgery token, read from a page that holds a form for them.
    public static async Task<string> TokenAsync(HttpClient browser, bool signedIn)
    {
        var page = await browser.GetPageAsync(signedIn ? "/Account/Manage/ChangePassword" : "/Account/Login");
        return page.Document.QuerySelector<IHtmlInputElement>("input[name=__RequestVerificationToken]")?.Value
            ?? throw new InvalidOperationException($"No antiforgery token on {page.Url} ({(int)page.Response.StatusCode}).");
    }

    private async Task<TestUser> AdministratorAsync()
    {
        await using var scope = App.Services.CreateAsyncScope();
        var existing = await scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>().FindByEmailAsync(App.AdminEmail);
        return existing is null
            ? await App.CreateUserAsync("Site Admin", email: App.AdminEmail)
            : new TestUser(existing.Id, App.AdminEmail, TestApp.Password, existing.DisplayName);
    }

    private async Task<TestUser> ApprovedTherapistWithoutTwoFactorAsync()
    {
        var therapist = await App.CreateUserAsync("Dr NoSecondStep", asTherapist: true);
        await using var scope = App.Services.CreateAsyncScope();
        var administrator = await App.CreateUserAsync();
        await scope.ServiceProvider.GetRequiredService<TherapistApprovalService>().DecideAsync(administrator.Id, therapist.Id, approve: true);
        await scope.ServiceProvider.GetRequiredService<TherapistProfileService>().SaveProfileAsync(therapist.Id, "Dr NoSecondStep", "Quiet Practice", null);
        return therapist;
    }

    private static async Task<int> SharedAsync(FeelingService feelings, string authorId, string situation)
    {
        var id = Must(await feelings.SaveDraftAsync(authorId, Words(situation)));
        Must(await feelings.ShareAsync(authorId, id));
        return id;
    }

    private static FeelingWords Words(string situation) => new("hurt", $"plans change and {situation}", "a quick message");

    private static CheckInAnswers Answers(string text) => new(new Ratings(4, 3, 4, 2, 5), $"We walked and {text} came up", "Work is busy", "Cook on Tuesday");

    private static T Must<T>(Common.Result<T> result) =>
        result.Succeeded ? result.Value! : throw new InvalidOperationException($"Arrange failed: {result.Error}");

    private static void Must(Common.Result result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"Arrange failed: {result.Error}");
        }
    }

    public static bool IsRedirectTo(HttpResponseMessage response, string path) =>
        response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location is { } location
        && (location.IsAbsoluteUri ? location.AbsolutePath : location.OriginalString.Split('?')[0]).Equals(path, StringComparison.OrdinalIgnoreCase);
}
