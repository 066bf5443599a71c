using TrustCheckIn.Couples;

namespace TrustCheckIn.Therapy;

public sealed record PartnerConsent(string PartnerId, string DisplayName, ConsentScope Scopes, DateOnly? StartsOn, DateTime? GrantedAt)
{
    public bool Shares(ConsentScope scope) => Scopes.HasFlag(scope);

    // The first day this partner's entries may be shown; DateOnly.MinValue for all history.
    public DateOnly From => StartsOn ?? DateOnly.MinValue;
}

// What one linked couple lets its therapist see right now, partner by partner.
public sealed record CoupleAccess(int CoupleId, string TimeZoneId, DateTime FormedAt, DateTime LinkedAt, PartnerConsent A, PartnerConsent B)
{
    public TimeZoneInfo TimeZone => TimeZoneInfo.FindSystemTimeZoneById(TimeZoneId);

    // A stored UTC time on the couple's own wall clock, as every therapist page shows times.
    public DateTime Local(DateTime utc) => CheckInSchedule.ToLocal(utc, TimeZoneId);

    public bool SharesExpectations => A.Shares(ConsentScope.Expectations) && B.Shares(ConsentScope.Expectations);

    public ConsentScope Visible =>
        (A.Scopes | B.Scopes) & ~ConsentScope.Expectations | (SharesExpectations ? ConsentScope.Expectations : ConsentScope.None);

    public IEnumerable<PartnerConsent> Partners => [A, B];

    public bool Consented(string partnerId, ConsentScope scope, DateOnly date) =>
        Partners.SingleOrDefault(p => p.PartnerId == partnerId) is { } partner && partner.Shares(scope) && date >= partner.From;
}
