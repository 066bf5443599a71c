using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using TrustCheckIn.Common;
using TrustCheckIn.Couples;
using TrustCheckIn.Data;
using TrustCheckIn.Notifications;

namespace TrustCheckIn.Therapy;

// The partners' side of the session agenda: both read the couple's items; each adds and removes their own.
public sealed class AgendaService(AppDbContext db, TimeProvider time, ILogger<AgendaService> logger)
{
    // The most a page lists of items already talked about; open items are all shown.
    public const int TalkedAboutShown = 20;

    public sealed record Item(int Id, string AuthorName, bool Mine, string Text, DateTime AddedAt, DateTime? TalkedAboutAt);

    // Times on the couple's clock. TherapistSees: whether this person's items reach a linked therapist right now.
    public sealed record AgendaView(string PartnerDisplayName, string TimeZoneId, bool TherapistLinked, bool TherapistSees, IReadOnlyList<Item> Open, IReadOnlyList<Item> TalkedAbout);

    private DateTime Now => time.GetUtcNow().UtcDateTime;

    // Null without an active couple.
    public async Task<AgendaView?> GetAsync(string userId, CancellationToken ct = default)
    {
        var couple = await db.Couples.AsNoTracking().ActiveFor(userId).SeenBy(userId)
            .Select(c => new
            {
                c.Id,
                c.PartnerDisplayName,
                c.TimeZoneId,
                Linked = db.TherapistLinks.Any(l => l.CoupleId == c.Id && l.UnlinkedAt == null),
                // Scopes are stored by name, so the flag is read here rather than in SQL.
                MyScopes = db.Consents
                    .Where(x => x.PartnerId == userId && x.RevokedAt == null && db.TherapistLinks.Any(l => l.Id == x.LinkId && l.CoupleId == c.Id && l.UnlinkedAt == null))
                    .Select(x => (ConsentScope?)x.Scopes).FirstOrDefault(),
            })
            .SingleOrDefaultAsync(ct);
        if (couple is null)
        {
            return null;
        }

        var open = db.AgendaItems.Where(a => a.CoupleId == couple.Id && a.TalkedAboutAt == null).OrderBy(a => a.Id);
        var talked = db.AgendaItems.Where(a => a.CoupleId == couple.Id && a.TalkedAboutAt != null).OrderByDescending(a => a.TalkedAboutAt).Take(TalkedAboutShown);
        var rows = await open.Concat(talked).AsNoTracking()
            .Select(a => new { a.Id, a.AuthorId, a.Text, a.AddedAt, a.TalkedAboutAt })
            .ToListAsync(ct);
        var items = rows.Select(a => new Item(a.Id, a.AuthorId == userId ? "You" : couple.PartnerDisplayName, a.AuthorId == userId, a.Text,
            CheckInSchedule.ToLocal(a.AddedAt, couple.TimeZoneId), a.TalkedAboutAt is { } at ? CheckInSchedule.ToLocal(at, couple.TimeZoneId) : null)).ToList();
        return new AgendaView(
            couple.PartnerDisplayName,
            couple.TimeZoneId,
            couple.Linked,
            couple.MyScopes?.HasFlag(ConsentScope.Agenda) == true,
            items.Where(i => i.TalkedAboutAt is null).OrderBy(i => i.Id).ToList(),
            items.Where(i => i.TalkedAboutAt is not null).OrderByDescending(i => i.TalkedAboutAt).ToList());
    }

    public async Task<Result<int>> AddAsync(string userId, string? text)
    {
        text = text?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return ServiceError.Invalid("Text", "Please write what you'd like to bring to the session.");
        }

        if (text.Length > AgendaItem.TextMaxLength)
        {
            return ServiceError.Invalid("Text", $"Please keep it to {AgendaItem.TextMaxLength} characters; the session is where it gets said in full.");
        }

        var coupleId = await db.Couples.ActiveIdsFor(userId).Cast<int?>().SingleOrDefaultAsync();
        if (coupleId is null)
        {
            return ServiceError.RefusedByRule("The session agenda is for a couple: invite your partner first.");
        }

        if (await db.AgendaItems.CountAsync(a => a.CoupleId == coupleId && a.TalkedAboutAt == null) >= AgendaItem.MaxOpen)
        {
            return ServiceError.Invalid("Text", $"There are {AgendaItem.MaxOpen} things on the agenda already. Take some off, or talk them through first.");
        }

        var now = Now;
        var item = new AgendaItem(coupleId.Value, userId, text, now);
        db.AgendaItems.Add(item);
        await db.TellPartnerAsync(userId, coupleId.Value, NotificationKind.AgendaItemAdded, "/Couple/Agenda", now, coalesce: true);
        await db.SaveChangesAsync();
        logger.LogInformation("User {UserId} added agenda item {ItemId} to couple {CoupleId}", userId, item.Id, coupleId);
        return item.Id;
    }

    // Only the author takes an item off, and only their own couple's.
    public async Task<Result> RemoveAsync(string userId, int itemId)
    {
        var removed = await db.AgendaItems
            .Where(a => a.Id == itemId && a.AuthorId == userId && db.Couples.ActiveIdsFor(userId).Contains(a.CoupleId))
            .ExecuteDeleteAsync();
        if (removed == 0)
        {
            return ServiceError.NotFound("agenda item");
        }

        logger.LogInformation("User {UserId} removed agenda item {ItemId}", userId, itemId);
        return Result.Ok;
    }
}
