using Microsoft.EntityFrameworkCore;
using TrustCheckIn.Couples;
using TrustCheckIn.Data;

namespace TrustCheckIn.Notifications;

public static class Notify
{
    // Added to the caller's unit of work: the event is saved by the same SaveChanges as what caused it, or not at all.
    internal static void Tell(this AppDbContext db, string recipientId, NotificationKind kind, int? coupleId, string? actorId, string url, DateTime now) =>
        db.Notifications.Add(new Notification(recipientId, kind, coupleId, actorId, url, now));

    // The actor's partner in that couple. Coalescing: while one such item is still unread, a second says nothing new.
    internal static async Task TellPartnerAsync(this AppDbContext db, string actorId, int coupleId, NotificationKind kind, string url, DateTime now, bool coalesce = false)
    {
        var partnerId = await db.Couples.Where(c => c.Id == coupleId).SeenBy(actorId).Select(c => c.PartnerId).SingleAsync();
        if (coalesce && await db.Notifications.AnyAsync(n => n.RecipientId == partnerId && n.ReadAt == null && n.Kind == kind && n.CoupleId == coupleId))
        {
            return;
        }

        db.Tell(partnerId, kind, coupleId, actorId, url, now);
    }
}
