using System.Security.Claims;

namespace TrustCheckIn.Web.Infrastructure;

// Identity marks a two-factor sign-in with amr=mfa; a principal rebuilt after a role change carries it over,
// or an approved therapist would lose access on their next click.
public static class TwoFactorClaims
{
    public const string Type = "amr";
    public const string MultiFactor = "mfa";

    public static bool SignedInWithTwoFactor(ClaimsPrincipal user) => user.HasClaim(Type, MultiFactor);

    public static void KeepHowTheySignedIn(ClaimsPrincipal current, ClaimsIdentity rebuilt)
    {
        if (SignedInWithTwoFactor(current) && !rebuilt.HasClaim(Type, MultiFactor))
        {
            rebuilt.AddClaim(new Claim(Type, MultiFactor));
        }
    }
}
