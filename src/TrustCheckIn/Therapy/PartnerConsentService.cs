using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using TrustCheckIn.Accounts;
using TrustCheckIn.Common;
using TrustCheckIn.Couples;
using TrustCheckIn.Data;
using TrustCheckIn.Notifications;

namespace TrustCheckIn.Therapy;

// The partner's side: linking a therapist, granting and revoking consent, reading the access log.
public sealed class PartnerConsentService(AppDbContext db, TimeProvider time, ILogger<PartnerConsentService> logger)
{
    public const int LogPageSize = 25;

    public sealed record TherapistSummary(string DisplayName, string PracticeName, string? Licence, DateTime LinkedAt);

    public sealed record ConsentView(ConsentScope Scopes, DateOnly? StartsOn, DateTime GrantedAt);

    public sealed record PartnerTherapyView(string PartnerDisplayName, TherapistSummary? Therapist, ConsentView? MyConsent, ConsentView? PartnerConsent);

    // At: UTC as stored; on the couple's clock once AccessLogAsync returns it.
    public sealed record AccessLogView(DateTime At, string TherapistName, AccessKind Kind, ConsentScope Shown);

    private DateTime Now => time.GetUtcNow().UtcDateTime;

    public async Task<PartnerTherapyView?> GetAsync(string userId, CancellationToken ct = default)
    {
        var couple = await db.Couples.AsNoTracking().ActiveFor(userId).SeenBy(userId)
            .Select(c => new { c.Id, c.PartnerId, c.PartnerDisplayName })
            .SingleOrDefaultAsync(ct);
        if (couple is null)
        {
            return null;
        }

        var link = await ActiveLinks(couple.Id)
            .Join(db.TherapistProfiles, l => l.TherapistId, p => p.UserId, (l, p) => new { l.Id, Therapist = new TherapistSummary(p.DisplayName, p.PracticeName, p.Licence, l.LinkedAt) })
            .SingleOrDefaultAsync(ct);
        if (link is null)
        {
            return new PartnerTherapyView(couple.PartnerDisplayName, null, null, null);
        }

        var consents = await db.Consents.AsNoTracking()
            .Where(c => c.LinkId == link.Id && c.RevokedAt == null)
            .Select(c => new { c.PartnerId, View = new ConsentView(c.Scopes, c.StartsOn, c.GrantedAt) })
            .ToListAsync(ct);
        return new PartnerTherapyView(
            couple.PartnerDisplayName,
            link.Therapist,
            consents.SingleOrDefault(c => c.PartnerId == userId)?.View,
            consents.SingleOrDefault(c => c.PartnerId == couple.PartnerId)?.View);
    }

    public async Task<Result> LinkAsync(string userId, string code)
    {
        var normalised = new string((code ?? "").Where(char.IsLetterOrDigit).Select(char.ToUpperInvariant).ToArray());
        await using var transaction = await db.Database.BeginTransactionAsync();
        var couple = await db.Couples.ActiveFor(userId).SingleOrDefaultAsync();
        if (couple is null)
        {
            return ServiceError.RefusedByRule("Linking a therapist needs a couple: invite your partner first.");
        }

        var therapist = await db.TherapistProfiles
            .Where(p => p.LinkCode == normalised)
            .Join(db.Users.Where(u => u.TherapistStatus == TherapistStatus.Approved), p => p.UserId, u => u.Id, (p, u) => p)
            .SingleOrDefaultAsync();
        if (therapist is null)
        {
            return ServiceError.Invalid("Code", "We couldn't find a therapist with that code. Please check it with your therapist.");
        }

        if (await ActiveLinks(couple.Id).AnyAsync())
        {
            return ServiceError.Invalid("Code", "Your couple already has a therapist linked. Unlink them first to link someone else.");
        }

        db.TherapistLinks.Add(new TherapistLink(couple.Id, therapist.UserId, userId, Now));
        await db.TellPartnerAsync(userId, couple.Id, NotificationKind.TherapistLinked, "/Couple/Therapist", Now);
        db.Tell(therapist.UserId, NotificationKind.CoupleLinkedYou, couple.Id, userId, "/Therapist", Now);
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        logger.LogInformation("User {UserId} linked couple {CoupleId} to therapist {TherapistId}", userId, couple.Id, therapist.UserId);
        return Result.Ok;
    }

    public async Task<Result> UnlinkAsync(string userId)
    {
        await using var transaction = await db.Database.BeginTransactionAsync();
        var coupleId = await db.Couples.ActiveFor(userId).Select(c => (int?)c.Id).SingleOrDefaultAsync();
        if (coupleId is null || !await ActiveLinks(coupleId.Value).AnyAsync())
        {
            return ServiceError.NotFound("therapist link");
        }

        await EndAccessAsync(coupleId.Value);
        await db.TellPartnerAsync(userId, coupleId.Value, NotificationKind.TherapistUnlinked, "/Couple/Therapist", Now);
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        logger.LogInformation("User {UserId} unlinked the therapist of couple {CoupleId}", userId, coupleId);
        return Result.Ok;
    }

    public async Task<Result> GrantAsync(string userId, ConsentScope scopes, ConsentStart start, DateOnly? from)
    {
        if (scopes == ConsentScope.None)
        {
            return ServiceError.Invalid("CheckIns", "Choose at least one kind of entry to share, or use \"Stop sharing\" instead.");
        }

        if (start == ConsentStart.FromDate && from is null)
        {
            return ServiceError.Invalid("From", "Please choose the date to share from.");
        }

        var link = await ActiveLinkForPartnerAsync(userId);
        if (link is null)
        {
            return ServiceError.NotFound("therapist link");
        }

        var now = Now;
        var timeZone = await db.Couples.Where(c => c.Id == link.CoupleId).Select(c => c.TimeZoneId).SingleAsync();
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(now, TimeZoneInfo.FindSystemTimeZoneById(timeZone)));
        DateOnly? startsOn = start switch
        {
            ConsentStart.Today => today,
            ConsentStart.FromDate => from,
            _ => null,
        };
        await using var transaction = await db.Database.BeginTransactionAsync();
        await db.ReplaceConsentAsync(link.Id, userId, _ => (scopes, startsOn), now);
        await TellSharingChangedAsync(userId, link, now);
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        logger.LogInformation("User {UserId} granted consent {Scopes} for link {LinkId}", userId, scopes, link.Id);
        return Result.Ok;
    }

    public async Task<Result> RevokeAsync(string userId)
    {
        await using var transaction = await db.Database.BeginTransactionAsync();
        var link = await ActiveLinkForPartnerAsync(userId);
        if (link is null)
        {
            return ServiceError.NotFound("consent");
        }

        var now = Now;
        var revoked = await db.Consents.Where(c => c.LinkId == link.Id && c.PartnerId == userId && c.RevokedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.RevokedAt, now));
        if (revoked == 0)
        {
            return ServiceError.NotFound("consent");
        }

        await TellSharingChangedAsync(userId, link, now);
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        logger.LogInformation("User {UserId} revoked consent for link {LinkId}", userId, link.Id);
        return Result.Ok;
    }

    // Times are on the couple's own clock, named by the zone, like everything else the couple sees.
    public sealed record AccessLogPage(string TimeZoneId, IReadOnlyList<AccessLogView> Entries);

    public async Task<AccessLogPage> AccessLogAsync(string userId, int page, CancellationToken ct = default)
    {
        var couple = await db.Couples.AsNoTracking().ActiveFor(userId).Select(c => new { c.Id, c.TimeZoneId }).SingleOrDefaultAsync(ct);
        if (couple is null)
        {
            return new AccessLogPage(CheckInSchedule.DefaultTimeZoneId, []);
        }

        var rows = await db.AccessLog.AsNoTracking()
            .Where(e => e.CoupleId == couple.Id)
            .OrderByDescending(e => e.Id)
            .Skip(Math.Max(0, page - 1) * LogPageSize)
            .Take(LogPageSize)
            .Select(e => new AccessLogView(e.At, e.TherapistName, e.Kind, e.Shown))
            .ToListAsync(ct);
        return new AccessLogPage(couple.TimeZoneId, rows.Select(e => e with { At = CheckInSchedule.ToLocal(e.At, couple.TimeZoneId) }).ToList());
    }

    // Leaving the couple or unlinking ends every link and consent at once.
    internal async Task EndAccessAsync(int coupleId)
    {
        var now = Now;
        var linkIds = await ActiveLinks(coupleId).Select(l => l.Id).ToListAsync();
        await db.Consents.Where(c => linkIds.Contains(c.LinkId) && c.RevokedAt == null).ExecuteUpdateAsync(s => s.SetProperty(c => c.RevokedAt, now));
        await db.TherapistLinks.Where(l => linkIds.Contains(l.Id)).ExecuteUpdateAsync(s => s.SetProperty(l => l.UnlinkedAt, now));
    }

    // Both sides learn that the sharing changed, never what it now is.
    private async Task TellSharingChangedAsync(string userId, TherapistLink link, DateTime now)
    {
        await db.TellPartnerAsync(userId, link.CoupleId, NotificationKind.PartnerSharingChanged, "/Couple/Therapist", now);
        db.Tell(link.TherapistId, NotificationKind.ConsentChanged, link.CoupleId, userId, "/Therapist", now);
    }

    private IQueryable<TherapistLink> ActiveLinks(int coupleId) => db.TherapistLinks.Active().Where(l => l.CoupleId == coupleId);

    private Task<TherapistLink?> ActiveLinkForPartnerAsync(string userId) =>
        db.Couples.ActiveFor(userId)
            .Join(db.TherapistLinks.Active(), c => c.Id, l => l.CoupleId, (c, l) => l)
            .SingleOrDefaultAsync();
}
