using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using TrustCheckIn.Common;
using TrustCheckIn.Couples;
using TrustCheckIn.Data;
using TrustCheckIn.Notifications;

namespace TrustCheckIn.Therapy;

// A therapist asks a partner for one scope; the partner accepts (the scope joins their standing consent) or
// declines. Both sides are told the other acted, never asked twice: one open request per scope.
public sealed class ConsentRequestService(AppDbContext db, TimeProvider time, ILogger<ConsentRequestService> logger)
{
    public static IReadOnlyList<ConsentScope> Askable { get; } = [ConsentScope.CheckIns, ConsentScope.Feelings, ConsentScope.Journal, ConsentScope.Expectations, ConsentScope.Agenda, ConsentScope.Practice];

    public sealed record RequestView(int Id, string PartnerName, ConsentScope Scope, string? Reason, DateTime RequestedAt, DateTime? AnsweredAt, bool? Accepted);

    public sealed record OpenRequest(int Id, string TherapistName, ConsentScope Scope, string? Reason, DateTime RequestedAt);

    private DateTime Now => time.GetUtcNow().UtcDateTime;

    public async Task<Result> RequestAsync(string therapistId, int coupleId, string? partnerId, ConsentScope scope, string? reason)
    {
        var link = await db.TherapistLinks.Active()
            .Where(l => l.TherapistId == therapistId && l.CoupleId == coupleId)
            .Join(db.Couples.Where(c => c.ClosedAt == null), l => l.CoupleId, c => c.Id, (l, c) => new { l.Id, c.PartnerAId, c.PartnerBId })
            .SingleOrDefaultAsync();
        if (link is null)
        {
            return ServiceError.NotFound("couple");
        }

        if (partnerId != link.PartnerAId && partnerId != link.PartnerBId)
        {
            return ServiceError.Invalid("PartnerId", "Please choose which partner to ask.");
        }

        if (!Askable.Contains(scope))
        {
            return ServiceError.Invalid("Scope", "Please choose what to ask them to share.");
        }

        reason = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();
        if (reason?.Length > ConsentRequest.ReasonMaxLength)
        {
            return ServiceError.Invalid("Reason", $"Please keep the reason to {ConsentRequest.ReasonMaxLength} characters.");
        }

        // Scopes are stored by name, so the flag is read here rather than in SQL.
        var standing = await db.Consents.Where(c => c.LinkId == link.Id && c.PartnerId == partnerId && c.RevokedAt == null).Select(c => (ConsentScope?)c.Scopes).SingleOrDefaultAsync();
        if (standing?.HasFlag(scope) == true)
        {
            return ServiceError.Invalid("Scope", "They already share this with you.");
        }

        if (await db.ConsentRequests.AnyAsync(r => r.LinkId == link.Id && r.PartnerId == partnerId && r.Scope == scope && r.AnsweredAt == null))
        {
            return ServiceError.Invalid("Scope", "You have already asked for this; they have not answered yet.");
        }

        var now = Now;
        db.ConsentRequests.Add(new ConsentRequest(link.Id, therapistId, partnerId, scope, reason, now));
        db.Tell(partnerId, NotificationKind.ConsentRequested, coupleId, therapistId, "/Couple/Therapist", now);
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateException e) when (DatabaseErrors.IsUniqueViolation(e))
        {
            return ServiceError.Invalid("Scope", "You have already asked for this; they have not answered yet.");
        }

        logger.LogInformation("Therapist {TherapistId} asked a partner of couple {CoupleId} for {Scope}", therapistId, coupleId, scope);
        return Result.Ok;
    }

    public sealed record Partner(string Id, string DisplayName);

    public sealed record AskView(int CoupleId, IReadOnlyList<Partner> Partners, IReadOnlyList<RequestView> Requests);

    // The partners of one linked couple and the therapist's requests to them, newest first; null without an active link.
    public async Task<AskView?> ForTherapistAsync(string therapistId, int coupleId, CancellationToken ct = default)
    {
        var link = await db.TherapistLinks.Active()
            .Where(l => l.TherapistId == therapistId && l.CoupleId == coupleId)
            .Join(db.Couples.Where(c => c.ClosedAt == null), l => l.CoupleId, c => c.Id, (l, c) => new
            {
                l.Id,
                c.TimeZoneId,
                A = new Partner(c.PartnerAId, c.PartnerA!.DisplayName),
                B = new Partner(c.PartnerBId, c.PartnerB!.DisplayName),
            })
            .AsNoTracking()
            .SingleOrDefaultAsync(ct);
        if (link is null)
        {
            return null;
        }

        var names = new Dictionary<string, string> { [link.A.Id] = link.A.DisplayName, [link.B.Id] = link.B.DisplayName };
        var requests = await db.ConsentRequests.AsNoTracking()
            .Where(r => r.LinkId == link.Id)
            .OrderByDescending(r => r.Id)
            .Select(r => new { r.Id, r.PartnerId, r.Scope, r.Reason, r.RequestedAt, r.AnsweredAt, r.Accepted })
            .ToListAsync(ct);
        return new AskView(
            coupleId,
            [link.A, link.B],
            requests.Select(r => new RequestView(r.Id, names.GetValueOrDefault(r.PartnerId, "A former partner"), r.Scope, r.Reason, CheckInSchedule.ToLocal(r.RequestedAt, link.TimeZoneId), r.AnsweredAt is { } at ? CheckInSchedule.ToLocal(at, link.TimeZoneId) : null, r.Accepted)).ToList());
    }

    // The partner's open requests from their couple's current therapist.
    public async Task<List<OpenRequest>> OpenForPartnerAsync(string userId, CancellationToken ct = default)
    {
        var rows = await db.Couples.ActiveFor(userId)
            .Join(db.TherapistLinks.Active(), c => c.Id, l => l.CoupleId, (c, l) => new { l.Id, c.TimeZoneId })
            .Join(db.ConsentRequests.Where(r => r.PartnerId == userId && r.AnsweredAt == null), l => l.Id, r => r.LinkId, (l, r) => new { l.TimeZoneId, Request = r })
            .AsNoTracking()
            .OrderBy(x => x.Request.Id)
            .Select(x => new
            {
                x.TimeZoneId,
                View = new OpenRequest(
                    x.Request.Id,
                    db.TherapistProfiles.Where(p => p.UserId == x.Request.TherapistId).Select(p => p.DisplayName).FirstOrDefault() ?? "Your therapist",
                    x.Request.Scope,
                    x.Request.Reason,
                    x.Request.RequestedAt),
            })
            .ToListAsync(ct);
        return rows.Select(r => r.View with { RequestedAt = CheckInSchedule.ToLocal(r.View.RequestedAt, r.TimeZoneId) }).ToList();
    }

    public async Task<Result> AnswerAsync(string userId, int requestId, bool accept)
    {
        await using var transaction = await db.Database.BeginTransactionAsync();
        var found = await db.Couples.ActiveFor(userId)
            .Join(db.TherapistLinks.Active(), c => c.Id, l => l.CoupleId, (c, l) => new { Link = l, c.TimeZoneId })
            .Join(db.ConsentRequests.Where(r => r.Id == requestId && r.PartnerId == userId && r.AnsweredAt == null), x => x.Link.Id, r => r.LinkId, (x, r) => new { x.Link, x.TimeZoneId, Request = r })
            .SingleOrDefaultAsync();
        if (found is null)
        {
            return ServiceError.NotFound("request");
        }

        var now = Now;
        found.Request.Answer(accept, now);
        if (accept)
        {
            // The scope joins what the partner already shares, from the same start; with nothing shared before,
            // it starts today: saying yes to a question is not saying yes to all of the past.
            var today = DateOnly.FromDateTime(CheckInSchedule.ToLocal(now, found.TimeZoneId));
            await db.ReplaceConsentAsync(found.Link.Id, userId, standing => standing is null
                ? (found.Request.Scope, today)
                : (standing.Scopes | found.Request.Scope, standing.StartsOn), now);
            await db.TellPartnerAsync(userId, found.Link.CoupleId, NotificationKind.PartnerSharingChanged, "/Couple/Therapist", now);
        }

        db.Tell(found.Link.TherapistId, NotificationKind.ConsentRequestAnswered, found.Link.CoupleId, userId, $"/Therapist/Couple/{found.Link.CoupleId}", now);
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        logger.LogInformation("User {UserId} {Answer} consent request {RequestId}", userId, accept ? "accepted" : "declined", requestId);
        return Result.Ok;
    }
}
