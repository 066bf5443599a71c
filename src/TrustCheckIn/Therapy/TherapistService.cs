using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using TrustCheckIn.Common;
using TrustCheckIn.Data;

namespace TrustCheckIn.Therapy;

// The therapist's side. Consent is read from the database on every call, never cached, and every look at
// a couple (allowed or refused) writes one access-log row.
public sealed partial class TherapistService(AppDbContext db, TimeProvider time, ILogger<TherapistService> logger)
{
    public sealed record ProfileView(string DisplayName, string PracticeName, string? Licence, string LinkCode);

    public sealed record PartnerConsent(string PartnerId, string DisplayName, ConsentScope Scopes, DateOnly? StartsOn, DateTime? GrantedAt)
    {
        public bool Shares(ConsentScope scope) => Scopes.HasFlag(scope);

        // The first day this partner's entries may be shown; DateOnly.MinValue for all history.
        public DateOnly From => StartsOn ?? DateOnly.MinValue;
    }

    public sealed record CoupleAccess(int CoupleId, string TimeZoneId, DateTime LinkedAt, PartnerConsent A, PartnerConsent B)
    {
        public bool SharesExpectations => A.Shares(ConsentScope.Expectations) && B.Shares(ConsentScope.Expectations);

        public ConsentScope Visible =>
            (A.Scopes | B.Scopes) & ~ConsentScope.Expectations | (SharesExpectations ? ConsentScope.Expectations : ConsentScope.None);

        public IEnumerable<PartnerConsent> Partners => [A, B];
    }

    private DateTime Now => time.GetUtcNow().UtcDateTime;

    public Task<ProfileView?> GetProfileAsync(string therapistId, CancellationToken ct = default) =>
        db.TherapistProfiles.AsNoTracking()
            .Where(p => p.UserId == therapistId)
            .Select(p => new ProfileView(p.DisplayName, p.PracticeName, p.Licence, p.LinkCode))
            .SingleOrDefaultAsync(ct);

    public async Task<Result> SaveProfileAsync(string therapistId, string displayName, string practiceName, string? licence)
    {
        var profile = await db.TherapistProfiles.SingleOrDefaultAsync(p => p.UserId == therapistId);
        if (profile is null)
        {
            db.TherapistProfiles.Add(new TherapistProfile(therapistId, displayName, practiceName, licence, Now));
        }
        else
        {
            profile.Update(displayName, practiceName, licence);
        }

        await db.SaveChangesAsync();
        return Result.Ok;
    }

    public async Task<Result> NewLinkCodeAsync(string therapistId)
    {
        var profile = await db.TherapistProfiles.SingleOrDefaultAsync(p => p.UserId == therapistId);
        if (profile is null)
        {
            return ServiceError.NotFound("profile");
        }

        profile.NewLinkCode();
        await db.SaveChangesAsync();
        return Result.Ok;
    }

    // Linked couples with each partner's current consent. Listing shows names and consent only; data
    // shown on the dashboard is logged by the caller through LogAsync.
    public async Task<List<CoupleAccess>> ListCouplesAsync(string therapistId, CancellationToken ct = default) =>
        (await LoadAccessAsync(therapistId, null, ct)).Couples;

    // Opens one couple for a page: null (and a refused row in the log) when the therapist has no active
    // link to an active couple; otherwise the consent as it stands right now, logged with what is shown.
    public async Task<CoupleAccess?> OpenAsync(string therapistId, int coupleId, AccessKind kind, CancellationToken ct = default)
    {
        var loaded = await LoadAccessAsync(therapistId, coupleId, ct);
        var access = loaded.Couples.SingleOrDefault();
        await LogAsync(therapistId, [(coupleId, access?.Visible ?? ConsentScope.None)], kind, ct, loaded.TherapistName);
        return access;
    }

    public Task LogAsync(string therapistId, int coupleId, AccessKind kind, ConsentScope shown, CancellationToken ct = default) =>
        LogAsync(therapistId, [(coupleId, shown)], kind, ct);

    // One append-only row per couple looked at, written together.
    private async Task LogAsync(string therapistId, IReadOnlyList<(int CoupleId, ConsentScope Shown)> views, AccessKind kind, CancellationToken ct, string? knownName = null)
    {
        if (views.Count == 0)
        {
            return;
        }

        var name = knownName ?? await db.Users.Where(u => u.Id == therapistId).Select(NameOf).SingleAsync(ct);
        var now = Now;
        db.AccessLog.AddRange(views.Select(v => new AccessLogEntry(v.CoupleId, therapistId, name, kind, v.Shown, now)));
        await db.SaveChangesAsync(ct);
        foreach (var (coupleId, _) in views.Where(v => v.Shown == ConsentScope.None))
        {
            logger.LogInformation("Therapist {TherapistId} was shown nothing of couple {CoupleId} ({Kind})", therapistId, coupleId, kind);
        }
    }

    private IQueryable<TherapistLink> ActiveLinksOf(string therapistId) =>
        db.TherapistLinks.Where(l => l.TherapistId == therapistId && l.UnlinkedAt == null
            && db.Couples.Any(c => c.Id == l.CoupleId && c.ClosedAt == null));

    // The name the access log keeps: the profile's, or the account's before a profile exists.
    private Expression<Func<Accounts.AppUser, string>> NameOf =>
        u => db.TherapistProfiles.Where(p => p.UserId == u.Id).Select(p => p.DisplayName).FirstOrDefault() ?? u.DisplayName;

    private sealed record Loaded(List<CoupleAccess> Couples, string? TherapistName);

    // The active links (all, or one couple's) with both partners' standing consents and the therapist's name: one statement.
    private async Task<Loaded> LoadAccessAsync(string therapistId, int? coupleId, CancellationToken ct)
    {
        var links = coupleId is { } id ? ActiveLinksOf(therapistId).Where(l => l.CoupleId == id) : ActiveLinksOf(therapistId);
        var therapist = db.Users.Where(u => u.Id == therapistId).Select(NameOf);
        var rows = await (
            from l in links
            join c in db.Couples on l.CoupleId equals c.Id
            select new
            {
                l.CoupleId,
                c.TimeZoneId,
                l.LinkedAt,
                c.PartnerAId,
                NameA = c.PartnerA!.DisplayName,
                c.PartnerBId,
                NameB = c.PartnerB!.DisplayName,
                TherapistName = therapist.FirstOrDefault(),
                Consents = db.Consents.Where(x => x.LinkId == l.Id && x.RevokedAt == null).Select(x => new { x.PartnerId, x.Scopes, x.StartsOn, x.GrantedAt }).ToList(),
            })
            .AsNoTracking()
            .ToListAsync(ct);

        return new Loaded(
            rows.Select(r =>
            {
                PartnerConsent ConsentOf(string partnerId, string name) =>
                    r.Consents.SingleOrDefault(c => c.PartnerId == partnerId) is { } c
                        ? new PartnerConsent(partnerId, name, c.Scopes, c.StartsOn, c.GrantedAt)
                        : new PartnerConsent(partnerId, name, ConsentScope.None, null, null);
                return new CoupleAccess(r.CoupleId, r.TimeZoneId, r.LinkedAt, ConsentOf(r.PartnerAId, r.NameA), ConsentOf(r.PartnerBId, r.NameB));
            }).ToList(),
            rows.FirstOrDefault()?.TherapistName);
    }
}
