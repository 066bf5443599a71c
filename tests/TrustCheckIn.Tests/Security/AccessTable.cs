namespace TrustCheckIn.Tests.Security;

// When an allowed POST runs: most change one entry of their own; the later stages end the couple's
// sharing, the couple itself, or the actor's session, so they run after everything else.
public enum Stage
{
    Normal,
    EndsSharing,
    EndsCouple,
    EndsSession,
}

// One row of the matrix: a handler, the URL that exercises it against the fixture, and the outcome for
// every actor, in the order of the Actor enum:
//   anonymous, partner A, partner B, another couple's member, therapist not linked, therapist with consent,
//   therapist after revocation, administrator (a partner without a couple), therapist without two-step sign-in.
// Allowed (these POSTs run last, in Stage order): o = 200, r = 302 within the app, t = 302 to the two-step
// page as that page's own next step, n = 404 because an earlier allowed cell already did it (A left first).
// Refused (these POSTs run first and must change nothing): L = 302 to sign-in, 2 = 302 to two-step set-up,
// F = 403, N = 404, B = 400. A therapist on a couple's page is N, as another couple is: to anyone who is not a
// partner those pages are not there (PartnerPagesNotFound).
public sealed record AccessCase(string Handler, Func<SecurityWorld, string> Url, string Outcomes, Stage Stage = Stage.Normal)
{
    public char Expected(Actor actor) => Outcomes.Replace(" ", "", StringComparison.Ordinal)[(int)actor];

    public bool IsPost => Handler.StartsWith("POST ", StringComparison.Ordinal);

    public static bool Allows(char outcome) => outcome is 'o' or 'r' or 't' or 'n';

    // The response the outcome stands for: "t" is a "2" that was wanted, "n" a "N" that was wanted.
    public static char Response(char outcome) => outcome switch { 't' => '2', 'n' => 'N', _ => outcome };
}

public static class AccessTable
{
    //                                   anon A B oth thU thC thR adm th2
    private const string Public = /*  */ "o    o o o   o   o   o   o   o";
    private const string SignedIn = /**/ "L    o o o   o   o   o   o   o";
    private const string Partner = /* */ "L    o o o   N   N   N   o   N";
    private const string OwnAOnly = /**/ "L    o N N   N   N   N   N   N";
    private const string CoupleAB = /**/ "L    o o N   N   N   N   N   N";
    private const string Therapist = "L    F F F   o   o   o   F   2";

    public static IReadOnlyList<AccessCase> Cases { get; } =
    [
        // Open pages.
        new("GET /Index", _ => "/", Public),
        new("GET /Error", _ => "/Error", Public),
        new("GET /More", _ => "/More", SignedIn),
        new("GET /Status", _ => "/Status/404", Public),
        new("POST /Status", _ => "/Status/400", Public),

        // Signing in and registering.
        new("GET /Account/Login", _ => "/Account/Login", Public),
        new("POST /Account/Login", _ => "/Account/Login", Public),
        new("GET /Account/LoginWith2fa", _ => "/Account/LoginWith2fa", "L L L L L L L L L"),
        new("POST /Account/LoginWith2fa", _ => "/Account/LoginWith2fa", Public),
        new("GET /Account/LoginWithRecoveryCode", _ => "/Account/LoginWithRecoveryCode", "L L L L L L L L L"),
        new("POST /Account/LoginWithRecoveryCode", _ => "/Account/LoginWithRecoveryCode", Public),
        new("GET /Account/Register", _ => "/Account/Register", Public),
        new("POST /Account/Register", _ => "/Account/Register", Public),
        new("GET /Account/RegisterConfirmation", _ => "/Account/RegisterConfirmation", Public),
        new("GET /Account/ConfirmEmail", _ => "/Account/ConfirmEmail", Public),
        new("POST /Account/ConfirmEmail", _ => "/Account/ConfirmEmail", Public),
        new("GET /Account/ConfirmEmailChange", _ => "/Account/ConfirmEmailChange", Public),
        new("POST /Account/ConfirmEmailChange", _ => "/Account/ConfirmEmailChange", Public),
        new("GET /Account/ResendConfirmation", _ => "/Account/ResendConfirmation", Public),
        new("POST /Account/ResendConfirmation", _ => "/Account/ResendConfirmation", Public),
        new("GET /Account/ForgotPassword", _ => "/Account/ForgotPassword", Public),
        new("POST /Account/ForgotPassword", _ => "/Account/ForgotPassword", Public),
        new("GET /Account/ForgotPasswordConfirmation", _ => "/Account/ForgotPasswordConfirmation", Public),
        new("GET /Account/ResetPassword", _ => "/Account/ResetPassword?code=Q09ERQ", Public),
        new("GET /Account/ResetPassword", _ => "/Account/ResetPassword", "B B B B B B B B B"),
        new("POST /Account/ResetPassword", _ => "/Account/ResetPassword", Public),
        new("GET /Account/ResetPasswordConfirmation", _ => "/Account/ResetPasswordConfirmation", Public),
        new("GET /Account/Logout", _ => "/Account/Logout", Public),
        new("POST /Account/Logout", _ => "/Account/Logout", "r r r r r r r r r", Stage.EndsSession),

        // My account.
        new("GET /Account/Manage/Index", _ => "/Account/Manage", SignedIn),
        new("GET /Account/Manage/ChangePassword", _ => "/Account/Manage/ChangePassword", SignedIn),
        new("POST /Account/Manage/ChangePassword", _ => "/Account/Manage/ChangePassword", SignedIn),
        new("GET /Account/Manage/Appearance", _ => "/Account/Manage/Appearance", SignedIn),
        new("POST /Account/Manage/Appearance", _ => "/Account/Manage/Appearance", "L r r r r r r r r"),
        new("GET /Account/Manage/Email", _ => "/Account/Manage/Email", SignedIn),
        new("POST /Account/Manage/Email", _ => "/Account/Manage/Email", SignedIn),
        new("GET /Account/Manage/DeleteAccount", _ => "/Account/Manage/DeleteAccount", SignedIn),
        new("POST /Account/Manage/DeleteAccount", _ => "/Account/Manage/DeleteAccount", SignedIn),
        new("GET /Account/Manage/PersonalData", _ => "/Account/Manage/PersonalData", SignedIn),
        new("GET /Account/Manage/PersonalData?handler=Download", _ => "/Account/Manage/PersonalData?handler=Download", SignedIn),
        new("GET /Account/Manage/PersonalData?handler=CheckInsCsv", _ => "/Account/Manage/PersonalData?handler=CheckInsCsv", SignedIn),
        new("GET /Account/Manage/EnableAuthenticator", _ => "/Account/Manage/EnableAuthenticator", SignedIn),
        new("POST /Account/Manage/EnableAuthenticator", _ => "/Account/Manage/EnableAuthenticator", SignedIn),
        new("GET /Account/Manage/ShowRecoveryCodes", _ => "/Account/Manage/ShowRecoveryCodes", "L t t t t t t t t"),
        new("GET /Account/Manage/TwoFactor", _ => "/Account/Manage/TwoFactor", SignedIn),
        new("POST /Account/Manage/TwoFactor?handler=NewRecoveryCodes", _ => "/Account/Manage/TwoFactor?handler=NewRecoveryCodes", "L N N N r r r N N"),
        new("POST /Account/Manage/TwoFactor?handler=Disable", _ => "/Account/Manage/TwoFactor?handler=Disable", "L t t t t t t t t", Stage.EndsSession),

        // The administrator's page.
        new("GET /Admin/Therapists", _ => "/Admin/Therapists", "L F F F F F F o 2"),
        new("POST /Admin/Therapists?handler=Approve", w => $"/Admin/Therapists?handler=Approve&id={w.PendingTherapistToApprove}", "L F F F F F F r 2"),
        new("POST /Admin/Therapists?handler=Reject", w => $"/Admin/Therapists?handler=Reject&id={w.PendingTherapistToReject}", "L F F F F F F r 2"),

        // Check-ins: this week, a revealed week, a half-answered week, another couple's week.
        new("GET /CheckIns/Index", _ => "/CheckIns", "L o o o N N N o N"),
        new("POST /CheckIns/Index", _ => "/CheckIns", "L o o o N N N N N"),
        new("GET /CheckIns/History", _ => "/CheckIns/History", Partner),
        new("GET /CheckIns/History", _ => "/CheckIns/History?period=Months", Partner),
        new("GET /CheckIns/Earlier", _ => "/CheckIns/Earlier", Partner),
        new("GET /CheckIns/Week", w => $"/CheckIns/Week/{w.CoupleId}/{w.RevealedWeek}", CoupleAB),
        new("GET /CheckIns/Week", w => $"/CheckIns/Week/{w.CoupleId}/{w.ThisWeek}", CoupleAB),
        new("GET /CheckIns/Week", w => $"/CheckIns/Week/{w.OtherCoupleId}/{w.RevealedWeek}", "L N N o N N N N N"),
        new("POST /CheckIns/Week?handler=Reply", w => $"/CheckIns/Week/{w.CoupleId}/{w.RevealedWeek}?handler=Reply", CoupleAB),
        // "I noticed": only B's revealed check-in says how a small step went, so only A has something to notice.
        new("POST /CheckIns/Week?handler=Noticed", w => $"/CheckIns/Week/{w.CoupleId}/{w.RevealedWeek}?handler=Noticed", "L r N N N N N N N"),

        // Talk it through: only a week revealed to both; the half-answered week and another couple's are 404 to everyone.
        new("GET /CheckIns/Talk", w => $"/CheckIns/Talk/{w.CoupleId}/{w.RevealedWeek}", CoupleAB),
        new("GET /CheckIns/Talk", w => $"/CheckIns/Talk/{w.CoupleId}/{w.RevealedWeek}/1", CoupleAB),
        new("GET /CheckIns/Talk", w => $"/CheckIns/Talk/{w.CoupleId}/{w.ThisWeek}", "L N N N N N N N N"),
        new("GET /CheckIns/Talk", w => $"/CheckIns/Talk/{w.OtherCoupleId}/{w.RevealedWeek}", "L N N N N N N N N"),
        new("POST /CheckIns/Talk?handler=Keep", w => $"/CheckIns/Talk/{w.CoupleId}/{w.RevealedWeek}?handler=Keep", "L o o N N N N N N"),
        new("POST /CheckIns/Talk?handler=Keep", w => $"/CheckIns/Talk/{w.CoupleId}/{w.ThisWeek}?handler=Keep", "L N N N N N N N N"),
        new("POST /CheckIns/Talk?handler=Table", w => $"/CheckIns/Talk/{w.CoupleId}/{w.RevealedWeek}?handler=Table", "L o o N N N N N N"),

        // Our couple.
        new("GET /Couple/Index", _ => "/Couple", Partner),
        // Before Revoke and Invite: both end the administrator's invitation.
        new("POST /Couple/Index?handler=Email", w => $"/Couple?handler=Email&id={w.AdminInvitation}", "L N N N N N N o N"),
        new("POST /Couple/Index?handler=Revoke", w => $"/Couple?handler=Revoke&id={w.AdminInvitation}", "L N N N N N N r N"),
        new("POST /Couple/Index?handler=Invite", _ => "/Couple?handler=Invite", "L o o o N N N r N"),
        new("GET /Invitation", w => $"/Invitation/{w.AdminInvitationCode}", "o r r r r r r r r"),
        new("GET /Invitation", _ => "/Invitation/NOSUCHCODE", "N N N N N N N N N"),
        new("POST /Couple/Index?handler=Schedule", _ => "/Couple?handler=Schedule", "L r r r N N N N N"),
        new("GET /Couple/Join", _ => "/Couple/Join", Partner),
        new("POST /Couple/Join", _ => "/Couple/Join", Partner),
        new("GET /Couple/Leave", _ => "/Couple/Leave", "L o o o N N N N N"),
        new("POST /Couple/Leave", _ => "/Couple/Leave", "L r n r N N N N N", Stage.EndsCouple),
        new("GET /Couple/Pause", _ => "/Couple/Pause", "L o o o N N N N N"),
        // A and B already have a suggestion waiting, so theirs is refused beside the field (200); the other couple's goes through.
        new("POST /Couple/Pause?handler=Propose", _ => "/Couple/Pause?handler=Propose", "L o o r N N N N N"),
        // Buttons go home with a message, whether the rule allowed them or not; another couple's pause is not found.
        new("POST /Couple/Pause?handler=Withdraw", w => $"/Couple/Pause?handler=Withdraw&id={w.PauseProposedByA}", "L r r N N N N N N"),
        new("POST /Couple/Pause?handler=Accept", w => $"/Couple/Pause?handler=Accept&id={w.PauseProposedByA}", "L r r N N N N N N"),
        new("POST /Couple/Pause?handler=Decline", w => $"/Couple/Pause?handler=Decline&id={w.PauseProposedByA}", "L r r N N N N N N"),
        new("POST /Couple/Pause?handler=Resume", w => $"/Couple/Pause?handler=Resume&id={w.PauseProposedByA}", "L r r N N N N N N"),
        new("GET /Couple/Agenda", _ => "/Couple/Agenda", "L o o o N N N N N"),
        new("POST /Couple/Agenda?handler=Add", _ => "/Couple/Agenda?handler=Add", "L o o o N N N N N"),
        // An agenda item is its author's to take off.
        new("POST /Couple/Agenda?handler=Remove", w => $"/Couple/Agenda?handler=Remove&id={w.AgendaForRemoveA}", "L r N N N N N N N"),
        new("GET /Couple/Practice", _ => "/Couple/Practice", "L o o o N N N N N"),
        new("POST /Couple/Practice?handler=Answer", w => $"/Couple/Practice?handler=Answer&id={w.PracticeOfCouple}", "L r r N N N N N N"),
        new("POST /Couple/Practice?handler=Done", w => $"/Couple/Practice?handler=Done&id={w.PracticeOfCouple}", "L r r N N N N N N"),
        new("GET /Couple/Therapist", _ => "/Couple/Therapist", Partner),
        new("POST /Couple/Therapist?handler=Link", _ => "/Couple/Therapist?handler=Link", Partner),
        new("POST /Couple/Therapist?handler=Grant", _ => "/Couple/Therapist?handler=Grant", Partner),
        // The therapist's request is A's alone to answer.
        new("POST /Couple/Therapist?handler=AnswerRequest", w => $"/Couple/Therapist?handler=AnswerRequest&requestId={w.OpenRequestOfA}&accept=true", "L r N N N N N N N"),
        new("POST /Couple/Therapist?handler=Revoke", _ => "/Couple/Therapist?handler=Revoke", "L r r N N N N N N", Stage.EndsSharing),
        new("POST /Couple/Therapist?handler=Unlink", _ => "/Couple/Therapist?handler=Unlink", "L r n N N N N N N", Stage.EndsSharing),

        // The expectations table.
        new("GET /Expectations/Index", _ => "/Expectations", Partner),
        new("POST /Expectations/Index?handler=Move", w => $"/Expectations?handler=Move&id={w.SpareExpectationRow}&up=true", "L r r N N N N N N"),
        new("POST /Expectations/Index?handler=Did", w => $"/Expectations?handler=Did&id={w.ExpectationRow}", "L r r N N N N N N"),
        new("POST /Expectations/Index?handler=Remove", w => $"/Expectations?handler=Remove&id={w.SpareExpectationRow}", "L r n N N N N N N"),
        new("POST /Expectations/Index?handler=Starter", _ => "/Expectations?handler=Starter&set=PlaceToStart", "L r r r N N N N N"),
        new("POST /Expectations/Index?handler=Review", _ => "/Expectations?handler=Review", "L r r r N N N N N"),
        new("POST /Expectations/Index?handler=Interval", _ => "/Expectations?handler=Interval", "L o o o N N N N N"),
        new("GET /Expectations/Add", _ => "/Expectations/Add", "L o o o N N N N N"),
        new("POST /Expectations/Add", _ => "/Expectations/Add", "L o o o N N N o N"),
        new("GET /Expectations/Edit", w => $"/Expectations/Edit/{w.ExpectationRow}", CoupleAB),
        new("POST /Expectations/Edit", w => $"/Expectations/Edit/{w.ExpectationRow}", CoupleAB),
        new("POST /Expectations/Edit?handler=AddAsNew", w => $"/Expectations/Edit/{w.ExpectationRow}?handler=AddAsNew", CoupleAB),
        new("GET /Expectations/History", _ => "/Expectations/History", "L o o o N N N N N"),
        new("POST /Expectations/History?handler=Restore", w => $"/Expectations/History?handler=Restore&id={w.SpareExpectationRow}", "L r r N N N N N N"),
        new("GET /Expectations/Row", w => $"/Expectations/Row/{w.ExpectationRow}", CoupleAB),
        new("POST /Expectations/Row?handler=Did", w => $"/Expectations/Row/{w.ExpectationRow}?handler=Did", "L r r N N N N N N"),
        new("POST /Expectations/Row?handler=Noticed", w => $"/Expectations/Row/{w.ExpectationRow}?handler=Noticed&followThroughId={w.FollowThroughByB}", "L r r N N N N N N"),

        // "I feel" statements: drafts, shared ones, the partner's draft.
        new("GET /Feelings/Index", _ => "/Feelings", Partner),
        new("GET /Feelings/Index", _ => "/Feelings?list=SharedByMe", Partner),
        new("GET /Feelings/Index", _ => "/Feelings?list=SharedWithMe", Partner),
        new("GET /Feelings/Compose", _ => "/Feelings/Compose", Partner),
        new("GET /Feelings/Compose", w => $"/Feelings/Compose/{w.FeelingDraftA}", OwnAOnly),
        new("POST /Feelings/Compose", _ => "/Feelings/Compose", "L o o o N N N N N"),
        new("POST /Feelings/Compose?handler=Share", _ => "/Feelings/Compose?handler=Share", "L o o o N N N N N"),
        new("POST /Feelings/Compose?handler=Preview", _ => "/Feelings/Compose?handler=Preview", "L o o o N N N N N"),
        new("GET /Feelings/Statement", w => $"/Feelings/Statement/{w.FeelingDraftA}", OwnAOnly),
        new("GET /Feelings/Statement", w => $"/Feelings/Statement/{w.FeelingSharedA}", CoupleAB),
        new("GET /Feelings/Statement", w => $"/Feelings/Statement/{w.FeelingDraftB}", "L N o N N N N N N"),
        new("POST /Feelings/Statement?handler=Share", w => $"/Feelings/Statement/{w.FeelingForShareA}?handler=Share", "L r N N N N N N N"),
        new("POST /Feelings/Statement?handler=Withdraw", w => $"/Feelings/Statement/{w.FeelingForWithdrawA}?handler=Withdraw", "L r n N N N N N N"),
        new("POST /Feelings/Statement?handler=Delete", w => $"/Feelings/Statement/{w.FeelingForDeleteA}?handler=Delete", "L r N N N N N N N"),
        new("POST /Feelings/Statement?handler=Acknowledge", w => $"/Feelings/Statement/{w.FeelingForAcknowledgeA}?handler=Acknowledge", "L o r N N N N N N"),
        new("POST /Feelings/Statement?handler=TalkedAbout", w => $"/Feelings/Statement/{w.FeelingForTalkedAboutA}?handler=TalkedAbout", "L r o N N N N N N"),

        // The journal: private and shareable entries of A, B's private entry.
        new("GET /Journal/Index", _ => "/Journal", Partner),
        new("GET /Journal/Index", _ => "/Journal?q=Canary", Partner),
        new("GET /Journal/New", _ => "/Journal/New", Partner),
        new("POST /Journal/New", _ => "/Journal/New", Partner),
        new("GET /Journal/Entry", w => $"/Journal/Entry/{w.JournalPrivateA}", OwnAOnly),
        new("GET /Journal/Entry", w => $"/Journal/Entry/{w.JournalShareableA}", OwnAOnly),
        new("GET /Journal/Entry", w => $"/Journal/Entry/{w.JournalPrivateB}", "L N o N N N N N N"),
        new("POST /Journal/Entry?handler=Share", w => $"/Journal/Entry/{w.JournalPrivateA}?handler=Share&shareable=false", "L r N N N N N N N"),
        new("GET /Journal/Edit", w => $"/Journal/Edit/{w.JournalPrivateA}", OwnAOnly),
        new("POST /Journal/Edit", w => $"/Journal/Edit/{w.JournalPrivateA}", OwnAOnly),
        new("GET /Journal/Delete", w => $"/Journal/Delete/{w.JournalPrivateA}", OwnAOnly),
        new("POST /Journal/Delete", w => $"/Journal/Delete/{w.JournalForDeleteA}", "L r N N N N N N N"),
        new("GET /Journal/Checklist", _ => "/Journal/Checklist", Partner),
        new("POST /Journal/Checklist", _ => "/Journal/Checklist", "L r r r N N N r N"),
        new("POST /Journal/Checklist?handler=Revisited", _ => "/Journal/Checklist?handler=Revisited", "L r r r N N N r N"),
        new("GET /Journal/Reflections", _ => "/Journal/Reflections", Partner),
        new("POST /Journal/Reflections", _ => "/Journal/Reflections", Partner),
        new("GET /Journal/Reflection", w => $"/Journal/Reflection/{w.ReflectionA}", OwnAOnly),
        new("POST /Journal/Reflection?handler=Share", w => $"/Journal/Reflection/{w.ReflectionA}?handler=Share&shareable=false", "L r N N N N N N N"),

        // Notifications: everyone signed in has their own; an item opens only for its recipient.
        new("GET /Notifications/Index", _ => "/Notifications", SignedIn),
        new("GET /Notifications/Index", _ => "/Notifications?p=2", SignedIn),
        new("POST /Notifications/Index?handler=Open", w => $"/Notifications?handler=Open&id={w.NotificationOfB}", "L N r N N N N N N"),
        new("POST /Notifications/Index?handler=ReadAll", _ => "/Notifications?handler=ReadAll", "L r r r r r r r r"),
        new("GET /Notifications/Settings", _ => "/Notifications/Settings", SignedIn),
        new("POST /Notifications/Settings", _ => "/Notifications/Settings", "L r r r r r r r r"),
        new("POST /Notifications/Settings?handler=Subscribe", _ => "/Notifications/Settings?handler=Subscribe", "L r r r r r r r r"),
        new("POST /Notifications/Settings?handler=RemoveDevices", _ => "/Notifications/Settings?handler=RemoveDevices", "L r r r r r r r r"),
        new("GET /Notifications/Unsubscribe", w => $"/Notifications/Unsubscribe?token={Uri.EscapeDataString(w.NotificationUnsubscribeTokenOfA)}", Public),
        new("GET /Notifications/Unsubscribe", _ => "/Notifications/Unsubscribe?token=CfDJ8-made-up", "N N N N N N N N N"),
        new("POST /Notifications/Unsubscribe", _ => "/Notifications/Unsubscribe?token=CfDJ8-made-up", "N N N N N N N N N"),
        new("POST /Notifications/Unsubscribe", w => $"/Notifications/Unsubscribe?token={Uri.EscapeDataString(w.NotificationUnsubscribeTokenOfA)}", "r r r r r r r r r"),

        // Reminders and the calendar feed: the token in the address is the key, for anyone holding it.
        new("GET /Reminders/Index", _ => "/Reminders", "L o o o N N N o N"),
        new("POST /Reminders/Index", _ => "/Reminders", "L r r r N N N N N"),
        new("POST /Reminders/Index?handler=Calendar", _ => "/Reminders?handler=Calendar", "L r r r N N N N N"),
        new("POST /Reminders/Index?handler=RemoveCalendar", _ => "/Reminders?handler=RemoveCalendar", "L r r r N N N r N"),
        new("GET /Reminders/Unsubscribe", w => $"/Reminders/Unsubscribe?token={Uri.EscapeDataString(w.UnsubscribeTokenOfA)}", Public),
        new("GET /Reminders/Unsubscribe", _ => "/Reminders/Unsubscribe?token=CfDJ8-made-up", "N N N N N N N N N"),
        new("POST /Reminders/Unsubscribe", _ => "/Reminders/Unsubscribe?token=CfDJ8-made-up", "N N N N N N N N N"),
        new("POST /Reminders/Unsubscribe", w => $"/Reminders/Unsubscribe?token={Uri.EscapeDataString(w.UnsubscribeTokenOfA)}", "r r r r r r r r r"),
        new("GET /Calendar/{token}.ics", w => w.CalendarUrlOfA, Public),
        new("GET /Calendar/{token}.ics", _ => "/Calendar/0123456789abcdef0123456789abcdef.ics", "N N N N N N N N N"),

        // The therapist's side.
        new("GET /Therapist/Index", _ => "/Therapist", Therapist),
        new("GET /Therapist/Couple", w => $"/Therapist/Couple/{w.CoupleId}", "L F F F N o N F 2"),
        new("GET /Therapist/Couple", w => $"/Therapist/Couple/{w.OtherCoupleId}", "L F F F N N N F 2"),
        new("GET /Therapist/Summary", w => $"/Therapist/Summary/{w.CoupleId}", "L F F F N o N F 2"),
        new("GET /Therapist/Summary", w => $"/Therapist/Summary/{w.CoupleId}?From=2000-01-01&To=2100-12-31", "L F F F N o N F 2"),
        new("GET /Therapist/Summary", w => $"/Therapist/Summary/{w.OtherCoupleId}", "L F F F N N N F 2"),
        new("GET /Therapist/Ask", w => $"/Therapist/Ask/{w.CoupleId}", "L F F F N o N F 2"),
        new("GET /Therapist/Ask", w => $"/Therapist/Ask/{w.OtherCoupleId}", "L F F F N N N F 2"),
        // An empty request is refused next to its fields (200) for the linked therapist; nobody else reaches the form.
        new("POST /Therapist/Ask", w => $"/Therapist/Ask/{w.CoupleId}", "L F F F N o N F 2"),
        new("POST /Therapist/Ask", w => $"/Therapist/Ask/{w.OtherCoupleId}", "L F F F N N N F 2"),
        new("GET /Therapist/Session", w => $"/Therapist/Session/{w.CoupleId}", "L F F F N o N F 2"),
        new("GET /Therapist/Session", w => $"/Therapist/Session/{w.OtherCoupleId}", "L F F F N N N F 2"),
        // Without a kind the suggestion goes back to the form; nobody else reaches the couple at all.
        new("POST /Therapist/Session?handler=Suggest", w => $"/Therapist/Session/{w.CoupleId}?handler=Suggest", "L F F F N o N F 2"),
        new("POST /Therapist/Session?handler=Suggest", w => $"/Therapist/Session/{w.OtherCoupleId}?handler=Suggest", "L F F F N N N F 2"),
        new("POST /Therapist/Session?handler=TalkedAbout", w => $"/Therapist/Session/{w.CoupleId}?handler=TalkedAbout&itemId={w.AgendaItemOfA}", "L F F F N r N F 2"),
        // B does not share the agenda: their item is not there for the therapist to mark.
        new("POST /Therapist/Session?handler=TalkedAbout", w => $"/Therapist/Session/{w.CoupleId}?handler=TalkedAbout&itemId={w.AgendaItemOfB}", "L F F F N N N F 2"),
        new("GET /Therapist/Profile", _ => "/Therapist/Profile", Therapist),
        new("POST /Therapist/Profile", _ => "/Therapist/Profile", Therapist),
        new("POST /Therapist/Profile?handler=NewCode", _ => "/Therapist/Profile?handler=NewCode", "L F F F r r r F 2"),
    ];
}
