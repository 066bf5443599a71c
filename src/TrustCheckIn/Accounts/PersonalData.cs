using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using TrustCheckIn.CheckIns;
using TrustCheckIn.Conversations;
using TrustCheckIn.Couples;
using TrustCheckIn.Data;
using TrustCheckIn.Data.Encryption;
using TrustCheckIn.Expectations;
using TrustCheckIn.Feelings;
using TrustCheckIn.Journal;
using TrustCheckIn.Notifications;
using TrustCheckIn.Reminders;
using TrustCheckIn.Therapy;

namespace TrustCheckIn.Accounts;

// What happens to every entity in the model when a person downloads their data or erases their account.
// A test walks the model: an entity without a rule here fails the build, so no table is forgotten.
public static class PersonalData
{
    public delegate Task<IReadOnlyList<object>> ExportRows(AppDbContext db, string userId, CancellationToken ct);

    public delegate Task EraseRows(AppDbContext db, string userId, DateTime now);

    public sealed record Rule(string Section, ExportRows? Export, string? NotExportedBecause, EraseRows? Erase, string? KeptBecause);

    public const string ErasedName = "Former member";
    public const string ErasedEmailPrefix = "erased-";
    public const string ErasedEmailDomain = "@erased.invalid";

    public static string ErasedEmail(string userId) => ErasedEmailPrefix + userId + ErasedEmailDomain;

    // Rows a person wrote alone (an AuthorId column): exported whole, deleted on erasure.
    private static Rule AuthoredBy<T>(string section)
        where T : class => new(
            section,
            async (db, id, ct) => Columns(db, await db.Set<T>().AsNoTracking().Where(e => EF.Property<string>(e, "AuthorId") == id).ToListAsync(ct)),
            null,
            (db, id, _) => db.Set<T>().Where(e => EF.Property<string>(e, "AuthorId") == id).ExecuteDeleteAsync(),
            null);

    // Joint rows of the couples a person is or was in (a CoupleId column): exported, kept for the other partner.
    private static Rule OfMyCouples<T>(string section, EraseRows? erase = null)
        where T : class => new(
            section,
            async (db, id, ct) => Columns(db, await db.Set<T>().AsNoTracking()
                .Where(e => db.Couples.IdsFor(id).Contains(EF.Property<int>(e, "CoupleId"))).ToListAsync(ct)),
            null,
            erase,
            erase is null ? "Joint: it belongs to the couple, and the former partner keeps it; changes by the erased person show as \"Former member\"." : null);

    // The mapped columns only: computed properties (a week's next week, …) are not stored data and can loop forever.
    private static List<object> Columns<T>(AppDbContext db, List<T> rows)
        where T : class
    {
        var columns = db.Model.FindEntityType(typeof(T))!.GetProperties().Where(p => p.PropertyInfo is not null).ToList();
        return rows.Select(row => (object)columns.ToDictionary(c => c.Name, c => c.PropertyInfo!.GetValue(row))).ToList();
    }

    public static IReadOnlyDictionary<Type, Rule> Rules { get; } = new Dictionary<Type, Rule>
    {
        [typeof(FeelingStatement)] = new(
            "\"I feel\" statements",
            async (db, id, ct) => await db.FeelingStatements.AsNoTracking()
                // The partner's statements only as the app shows them: shared, and while the couple is active.
                .Where(f => f.AuthorId == id || (f.SharedAt != null && db.Couples.ActiveIdsFor(id).Contains(f.CoupleId)))
                .Select(f => (object)new { Mine = f.AuthorId == id, f.Feeling, f.Situation, f.Need, f.CreatedAt, f.SharedAt, f.AcknowledgedAt, f.Reply, f.TalkedAboutAt })
                .ToListAsync(ct),
            null,
            async (db, id, _) =>
            {
                await db.FeelingStatements.Where(f => f.AuthorId == id).ExecuteDeleteAsync();
                // A reply the person wrote lives on the partner's statement: the words go, the acknowledgement stays.
                await db.FeelingStatements.Where(f => f.AcknowledgedById == id).ExecuteUpdateAsync(s => s.SetProperty(f => f.Reply, (string?)null).SetProperty(f => f.AcknowledgedById, (string?)null));
                await db.FeelingStatements.Where(f => f.TalkedAboutById == id).ExecuteUpdateAsync(s => s.SetProperty(f => f.TalkedAboutById, (string?)null));
            },
            null),
        [typeof(Expectation)] = OfMyCouples<Expectation>("expectations"),
        [typeof(ExpectationRevision)] = OfMyCouples<ExpectationRevision>("expectation changes"),
        [typeof(ExpectationTable)] = OfMyCouples<ExpectationTable>("expectation reviews"),
        [typeof(CouplePause)] = OfMyCouples<CouplePause>("pauses"),
        [typeof(SharedStep)] = OfMyCouples<SharedStep>("small steps we agreed on"),
        [typeof(FollowThrough)] = OfMyCouples<FollowThrough>(
            "follow-through",
            async (db, id, _) =>
            {
                await db.FollowThroughs.Where(f => f.DoneById == id).ExecuteDeleteAsync();
                // "I noticed" on the partner's note stays as a fact; who noticed is no longer kept.
                await db.FollowThroughs.Where(f => f.NoticedById == id).ExecuteUpdateAsync(s => s.SetProperty(f => f.NoticedById, (string?)null));
            }),
        [typeof(CheckIn)] = AuthoredBy<CheckIn>("check-ins"),
        [typeof(CheckInReply)] = AuthoredBy<CheckInReply>("check-in replies"),
        [typeof(JournalEntry)] = AuthoredBy<JournalEntry>("journal entries"),
        [typeof(SelfTrustChecklist)] = AuthoredBy<SelfTrustChecklist>("self-trust checklist"),
        [typeof(TrustPatternReflection)] = AuthoredBy<TrustPatternReflection>("trust-pattern reflections"),
        [typeof(AppUser)] = new(
            "account",
            async (db, id, ct) => await db.Users.AsNoTracking().Where(u => u.Id == id)
                .Select(u => (object)new { u.DisplayName, u.Email, u.EmailConfirmed, u.CreatedAt, TherapistStatus = u.TherapistStatus.ToString(), u.TwoFactorEnabled })
                .ToListAsync(ct),
            null,
            null,
            "Anonymised last (see AccountErasureService): the row stays so a former partner's history keeps its shape."),
        [typeof(IdentityRole)] = new("roles", null, "Reference data: the site's role names, not about anyone.", null, "Reference data."),
        [typeof(IdentityRoleClaim<string>)] = new("role claims", null, "Reference data attached to roles.", null, "Reference data."),
        [typeof(DataProtectionKey)] = new("cookie keys", null, "The site's own keys for cookies and forms, not about anyone.", null, "Site keys."),
        [typeof(DeployStep)] = new("deploy steps", null, "The site's record of its own one-time deploy steps, not about anyone.", null, "Site records."),
        [typeof(DataKey)] = new(
            "data keys",
            null,
            "Secrets that encrypt the words; the words themselves are exported in the clear.",
            null,
            "Crypto-shredded after the rows (TextKeyRing.Destroy): the emptied row marks the words erased on purpose."),
        [typeof(IdentityUserRole<string>)] = new(
            "my roles",
            async (db, id, ct) => await db.UserRoles.AsNoTracking().Where(r => r.UserId == id)
                .Join(db.Roles, r => r.RoleId, role => role.Id, (r, role) => (object)new { Role = role.Name })
                .ToListAsync(ct),
            null,
            (db, id, _) => db.UserRoles.Where(r => r.UserId == id).ExecuteDeleteAsync(),
            null),
        [typeof(IdentityUserClaim<string>)] = new(
            "my claims",
            async (db, id, ct) => await db.UserClaims.AsNoTracking().Where(c => c.UserId == id).Select(c => (object)new { c.ClaimType, c.ClaimValue }).ToListAsync(ct),
            null,
            (db, id, _) => db.UserClaims.Where(c => c.UserId == id).ExecuteDeleteAsync(),
            null),
        [typeof(IdentityUserLogin<string>)] = new(
            "my external logins",
            async (db, id, ct) => await db.UserLogins.AsNoTracking().Where(l => l.UserId == id).Select(l => (object)new { l.LoginProvider, l.ProviderDisplayName }).ToListAsync(ct),
            null,
            (db, id, _) => db.UserLogins.Where(l => l.UserId == id).ExecuteDeleteAsync(),
            null),
        [typeof(IdentityUserToken<string>)] = new(
            "sign-in secrets",
            null,
            "Secrets (authenticator key, hashed recovery codes): exporting them would weaken the account.",
            (db, id, _) => db.UserTokens.Where(t => t.UserId == id).ExecuteDeleteAsync(),
            null),
        [typeof(ReminderPreference)] = new(
            "my reminder settings",
            async (db, id, ct) => await db.ReminderPreferences.AsNoTracking().Where(p => p.UserId == id)
                .Select(p => (object)new { p.CheckInEnabled, CheckInDay = p.CheckInDay.ToString(), CheckInTime = p.CheckInTime.ToString("HH:mm"), p.ReviewEnabled, p.UpdatedAt })
                .ToListAsync(ct),
            null,
            (db, id, _) => db.ReminderPreferences.Where(p => p.UserId == id).ExecuteDeleteAsync(),
            null),
        [typeof(ReminderDelivery)] = new(
            "reminders sent to me",
            async (db, id, ct) => await db.ReminderDeliveries.AsNoTracking().Where(d => d.UserId == id).OrderBy(d => d.Id)
                .Select(d => (object)new { Kind = d.Kind.ToString(), d.PeriodKey, Status = d.Status.ToString(), d.Attempts, d.ClaimedAt, d.SentAt })
                .ToListAsync(ct),
            null,
            (db, id, _) => db.ReminderDeliveries.Where(d => d.UserId == id).ExecuteDeleteAsync(),
            null),
        [typeof(Notification)] = new(
            "notifications to me",
            async (db, id, ct) => await db.Notifications.AsNoTracking().Where(n => n.RecipientId == id).OrderBy(n => n.Id)
                .Select(n => (object)new { Kind = n.Kind.ToString(), n.Url, n.CreatedAt, n.ReadAt })
                .ToListAsync(ct),
            null,
            // Theirs go; in other people's items they stop being named as the one who acted.
            async (db, id, _) =>
            {
                await db.Notifications.Where(n => n.RecipientId == id).ExecuteDeleteAsync();
                await db.Notifications.Where(n => n.ActorId == id).ExecuteUpdateAsync(s => s.SetProperty(n => n.ActorId, (string?)null));
            },
            null),
        [typeof(NotificationSettings)] = new(
            "my notification settings",
            async (db, id, ct) => await db.NotificationSettings.AsNoTracking().Where(s => s.UserId == id)
                .Select(s => (object)new { s.EmailKinds, s.PushKinds, s.QuietHours, s.QuietFrom, s.QuietUntil, s.TimeZoneId, s.UpdatedAt })
                .ToListAsync(ct),
            null,
            (db, id, _) => db.NotificationSettings.Where(s => s.UserId == id).ExecuteDeleteAsync(),
            null),
        [typeof(NotificationDigest)] = new(
            "notification mails sent to me",
            async (db, id, ct) => await db.NotificationDigests.AsNoTracking().Where(d => d.UserId == id).OrderBy(d => d.Id)
                .Select(d => (object)new { Channel = d.Channel.ToString(), Status = d.Status.ToString(), d.Attempts, d.ClaimedAt, d.SentAt })
                .ToListAsync(ct),
            null,
            (db, id, _) => db.NotificationDigests.Where(d => d.UserId == id).ExecuteDeleteAsync(),
            null),
        [typeof(PushDevice)] = new(
            "devices I get push notifications on",
            null,
            "Secrets: a device's push address and keys would let anyone send to it; they say nothing about the person.",
            (db, id, _) => db.PushDevices.Where(d => d.UserId == id).ExecuteDeleteAsync(),
            null),
        [typeof(CalendarFeed)] = new(
            "calendar address",
            null,
            "A secret: its hash opens the private calendar feed, and it says nothing about the person.",
            (db, id, _) => db.CalendarFeeds.Where(f => f.UserId == id).ExecuteDeleteAsync(),
            null),
        [typeof(Couple)] = new(
            "couples",
            async (db, id, ct) => await db.Couples.AsNoTracking().AnyFor(id).SeenBy(id)
                .Select(c => (object)new
                {
                    Partner = c.PartnerDisplayName,
                    c.FormedAt,
                    c.ClosedAt,
                    c.TimeZoneId,
                    CheckInDay = c.CheckInDay.ToString(),
                })
                .ToListAsync(ct),
            null,
            (db, id, now) => db.Couples.ActiveFor(id).ExecuteUpdateAsync(s => s.SetProperty(c => c.ClosedAt, now).SetProperty(c => c.ClosedById, id)),
            "Closed, not deleted: the former partner keeps their own history, and the erased person shows as \"Former member\"."),
        [typeof(Invitation)] = new(
            "invitations I made",
            async (db, id, ct) => await db.Invitations.AsNoTracking().Where(i => i.InviterId == id)
                .Select(i => (object)new { i.CreatedAt, i.ExpiresAt, i.RevokedAt, i.AcceptedAt }).ToListAsync(ct),
            null,
            async (db, id, _) =>
            {
                await db.Invitations.Where(i => i.InviterId == id).ExecuteDeleteAsync();
                await db.Invitations.Where(i => i.AcceptedById == id).ExecuteUpdateAsync(s => s.SetProperty(i => i.AcceptedById, (string?)null));
            },
            null),
        [typeof(TherapistProfile)] = new(
            "my therapist profile",
            async (db, id, ct) => await db.TherapistProfiles.AsNoTracking().Where(p => p.UserId == id)
                .Select(p => (object)new { p.DisplayName, p.PracticeName, p.Licence, p.CreatedAt }).ToListAsync(ct),
            null,
            (db, id, _) => db.TherapistProfiles.Where(p => p.UserId == id).ExecuteDeleteAsync(),
            null),
        [typeof(TherapistLink)] = new(
            "therapist links",
            async (db, id, ct) => await db.TherapistLinks.AsNoTracking()
                .Where(l => l.TherapistId == id || db.Couples.IdsFor(id).Contains(l.CoupleId))
                .Select(l => (object)new { l.LinkedAt, l.UnlinkedAt }).ToListAsync(ct),
            null,
            (db, id, now) => db.TherapistLinks.Active().Where(l => l.TherapistId == id || db.Couples.IdsFor(id).Contains(l.CoupleId))
                .ExecuteUpdateAsync(s => s.SetProperty(l => l.UnlinkedAt, now)),
            "Ended, not deleted: they frame the couple's access log."),
        [typeof(Consent)] = new(
            "my consents",
            async (db, id, ct) => await db.Consents.AsNoTracking().Where(c => c.PartnerId == id)
                .Select(c => (object)new { Scopes = c.Scopes.ToString(), c.StartsOn, c.GrantedAt, c.RevokedAt }).ToListAsync(ct),
            null,
            (db, id, _) => db.Consents.Where(c => c.PartnerId == id).ExecuteDeleteAsync(),
            null),
        [typeof(ConsentRequest)] = new(
            "therapists' requests to share",
            async (db, id, ct) => await db.ConsentRequests.AsNoTracking().Where(r => r.PartnerId == id || r.TherapistId == id)
                .Select(r => (object)new { Scope = r.Scope.ToString(), r.Reason, r.RequestedAt, r.AnsweredAt, r.Accepted }).ToListAsync(ct),
            null,
            (db, id, _) => db.ConsentRequests.Where(r => r.PartnerId == id || r.TherapistId == id).ExecuteDeleteAsync(),
            null),
        [typeof(AgendaItem)] = AuthoredBy<AgendaItem>("my session agenda items"),
        [typeof(PracticeResponse)] = AuthoredBy<PracticeResponse>("how my practices went"),
        [typeof(Practice)] = new(
            "practices our therapist suggested",
            async (db, id, ct) => await db.Practices.AsNoTracking()
                .Where(p => p.TherapistId == id || db.Couples.IdsFor(id).Contains(p.CoupleId))
                .OrderBy(p => p.Id)
                .Select(p => (object)new { Kind = p.Kind.ToString(), p.Text, p.DueOn, p.SuggestedAt }).ToListAsync(ct),
            null,
            (db, id, _) => db.Practices.Where(p => p.TherapistId == id).ExecuteUpdateAsync(s => s.SetProperty(p => p.TherapistId, (string?)null)),
            "Joint: a suggestion in the couple's space stays theirs; an erased therapist is no longer named."),
        [typeof(AccessLogEntry)] = new(
            "therapist access log",
            async (db, id, ct) => await db.AccessLog.AsNoTracking()
                .Where(e => e.TherapistId == id || db.Couples.IdsFor(id).Contains(e.CoupleId))
                .OrderBy(e => e.Id)
                .Select(e => (object)new { e.At, e.TherapistName, Kind = e.Kind.ToString(), Shown = e.Shown.ToString() }).ToListAsync(ct),
            null,
            (db, id, _) => db.AccessLog.Where(e => e.TherapistId == id)
                .ExecuteUpdateAsync(s => s.SetProperty(e => e.TherapistId, (string?)null).SetProperty(e => e.TherapistName, "A former therapist")),
            "Kept for the couple, with an erased therapist pseudonymised."),
    };
}
