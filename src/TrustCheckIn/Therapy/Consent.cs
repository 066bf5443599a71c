using Microsoft.EntityFrameworkCore;
using TrustCheckIn.Data;

namespace TrustCheckIn.Therapy;

// One partner's consent for one therapist link. Changing it revokes this row and grants a new one, so the
// history of who allowed what, and when, is kept.
public sealed class Consent
{
    private Consent()
    {
    }

    public Consent(int linkId, string partnerId, ConsentScope scopes, DateOnly? startsOn, DateTime now)
    {
        LinkId = linkId;
        PartnerId = partnerId;
        Scopes = scopes;
        StartsOn = startsOn;
        GrantedAt = now;
    }

    public int Id { get; private set; }

    public int LinkId { get; private set; }

    public string PartnerId { get; private set; } = "";

    public ConsentScope Scopes { get; private set; }

    // Null: all history.
    public DateOnly? StartsOn { get; private set; }

    public DateTime GrantedAt { get; private set; }

    public DateTime? RevokedAt { get; private set; }

    public bool Covers(ConsentScope scope) => RevokedAt is null && Scopes.HasFlag(scope);

    public void Revoke(DateTime now) => RevokedAt ??= now;
}

public static class ConsentChanges
{
    // A partner's standing consent on a link becomes a new row (the old one revoked, so the history is kept);
    // next computes the new scopes and start from the standing row, null when there is none. Call within a transaction.
    internal static async Task ReplaceConsentAsync(this AppDbContext db, int linkId, string partnerId, Func<Consent?, (ConsentScope Scopes, DateOnly? StartsOn)> next, DateTime now)
    {
        var standing = await db.Consents.SingleOrDefaultAsync(c => c.LinkId == linkId && c.PartnerId == partnerId && c.RevokedAt == null);
        var (scopes, startsOn) = next(standing);
        standing?.Revoke(now);
        await db.SaveChangesAsync();
        db.Consents.Add(new Consent(linkId, partnerId, scopes, startsOn, now));
    }
}
