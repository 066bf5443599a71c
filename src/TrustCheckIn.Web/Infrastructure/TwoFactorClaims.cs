using System.Security.Claims;
using Microsoft.AspNetCore.Identity;

namespace TrustCheckIn.Web.Infrastructure;

// Identity marks a two-factor sign-in with amr=mfa; the per-request security stamp check rebuilds the
// principal, so the claim is carried over or therapists would lose access on their next click.
public static class TwoFactorClaims
{
    public const string Type = "amr";
    public const string MultiFactor = "mfa";

    public static bool SignedInWithTwoFactor(ClaimsPrincipal user) => user.HasClaim(Type, MultiFactor);

    public static Task KeepHowTheySignedIn(SecurityStampRefreshingPrincipalContext context)
    {
        if (context.CurrentPrincipal is { } current && SignedInWithTwoFactor(current)
            && context.NewPrincipal?.Identity is ClaimsIdentity identity && !identity.HasClaim(Type, MultiFactor))
        {
            identity.AddClaim(new Claim(Type, MultiFactor));
        }

        return Task.CompletedTask;
    }
}
