using TrustCheckIn.Couples;

namespace TrustCheckIn.Therapy;

public sealed record PartnerConsent(string PartnerId, string DisplayName, ConsentScope Scopes, DateOnly? StartsOn, DateTime? GrantedAt)
{
    public bool Shares(ConsentScope scope) => Scopes.HasFlag(scope);

    // The first day this partner's entries may be shown; DateOnly.MinValue for all history.
    public DateOnly From => StartsOn ?? DateOnly.MinValue;
}

// What one linked couple lets its therapist see right now, partner by partner.
// LastPauseEndKey: the end week of the couple's latest accepted pause, so pages read pauses only when one reaches the weeks they show.
public sealed record CoupleAccess(int CoupleId, int LinkId, string TimeZoneId, DateTime FormedAt, DateTime LinkedAt, PartnerConsent A, PartnerConsent B, int? LastPauseEndKey = null)
{
    public TimeZoneInfo TimeZone => TimeZoneInfo.FindSystemTimeZoneById(TimeZoneId);

    // A stored UTC time on the couple's own wall clock, as every therapist page shows times.
    public DateTime Local(DateTime utc) => CheckInSchedule.ToLocal(utc, TimeZoneId);

    public const ConsentScope Joint = ConsentScope.Expectations | ConsentScope.Practice;

    public bool SharesExpectations => BothShare(ConsentScope.Expectations);

    // Practice is the one thing a therapist writes into the couple's space: only with both partners' yes.
    public bool SharesPractice => BothShare(ConsentScope.Practice);

    public bool BothShare(ConsentScope scope) => A.Shares(scope) && B.Shares(scope);

    // What the therapist may see: a partner's own scopes, and a joint scope only when both share it.
    public ConsentScope Visible => (A.Scopes | B.Scopes) & ~Joint | (A.Scopes & B.Scopes & Joint);

    public IEnumerable<PartnerConsent> Partners => [A, B];

    public bool Consented(string partnerId, ConsentScope scope, DateOnly date) =>
        Partners.SingleOrDefault(p => p.PartnerId == partnerId) is { } partner && partner.Shares(scope) && date >= partner.From;
}
