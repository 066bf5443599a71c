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
    public async Task<List<CoupleAccess>> ListCouplesAsync(string therapistId, CancellationToken ct = default)
    {
        var coupleIds = await ActiveLinksOf(therapistId).Select(l => l.CoupleId).ToListAsync(ct);
        return await LoadAccessAsync(therapistId, coupleIds, ct);
    }

    // Opens one couple for a page: null (and a refused row in the log) when the therapist has no active
    // link to an active couple; otherwise the consent as it stands right now, logged with what is shown.
    public async Task<CoupleAccess?> OpenAsync(string therapistId, int coupleId, AccessKind kind, CancellationToken ct = default)
    {
        var access = (await LoadAccessAsync(therapistId, [coupleId], ct)).SingleOrDefault();
        await LogAsync(therapistId, coupleId, kind, access?.Visible ?? ConsentScope.None, ct);
        return access;
    }

    public Task LogAsync(string therapistId, int coupleId, AccessKind kind, ConsentScope shown, CancellationToken ct = default) =>
        LogAsync(therapistId, [(coupleId, shown)], kind, ct);

    // One append-only row per couple looked at, written together.
    private async Task LogAsync(string therapistId, IReadOnlyList<(int CoupleId, ConsentScope Shown)> views, AccessKind kind, CancellationToken ct)
    {
        if (views.Count == 0)
        {
            return;
        }

        var name = await db.TherapistProfiles.Where(p => p.UserId == therapistId).Select(p => p.DisplayName).SingleOrDefaultAsync(ct)
            ?? await db.Users.Where(u => u.Id == therapistId).Select(u => u.DisplayName).SingleAsync(ct);
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

    private async Task<List<CoupleAccess>> LoadAccessAsync(string therapistId, List<int> coupleIds, CancellationToken ct)
    {
        var rows = await ActiveLinksOf(therapistId)
            .Where(l => coupleIds.Contains(l.CoupleId))
            .Join(db.Couples, l => l.CoupleId, c => c.Id, (l, c) => new
            {
                LinkId = l.Id,
                l.CoupleId,
                c.TimeZoneId,
                l.LinkedAt,
                c.PartnerAId,
                NameA = c.PartnerA!.DisplayName,
                c.PartnerBId,
                NameB = c.PartnerB!.DisplayName,
            })
            .AsNoTracking()
            .ToListAsync(ct);
        var linkIds = rows.Select(r => r.LinkId).ToList();
        var consents = await db.Consents.AsNoTracking()
            .Where(c => linkIds.Contains(c.LinkId) && c.RevokedAt == null)
            .Select(c => new { c.LinkId, c.PartnerId, c.Scopes, c.StartsOn, c.GrantedAt })
            .ToListAsync(ct);

        PartnerConsent ConsentOf(int linkId, string partnerId, string name) =>
            consents.SingleOrDefault(c => c.LinkId == linkId && c.PartnerId == partnerId) is { } c
                ? new PartnerConsent(partnerId, name, c.Scopes, c.StartsOn, c.GrantedAt)
                : new PartnerConsent(partnerId, name, ConsentScope.None, null, null);

        return rows.Select(r => new CoupleAccess(r.CoupleId, r.TimeZoneId, r.LinkedAt, ConsentOf(r.LinkId, r.PartnerAId, r.NameA), ConsentOf(r.LinkId, r.PartnerBId, r.NameB))).ToList();
    }
}
