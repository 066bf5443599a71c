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
