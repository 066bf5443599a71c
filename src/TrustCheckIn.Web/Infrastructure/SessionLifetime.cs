using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;

namespace TrustCheckIn.Web.Infrastructure;

// A session ends 30 days after the password was typed, however often it is used: sliding renewal and the
// per-request security stamp check both re-issue the cookie, so its own issue time cannot be the measure.
public static class SessionLifetime
{
    public const string ClaimType = "auth_time";

    public static readonly TimeSpan Absolute = TimeSpan.FromDays(30);

    // At sign-in; a refreshed sign-in (password change, two-step change) keeps the original time.
    public static Task StampSignIn(CookieSigningInContext context)
    {
        if (context.Principal?.Identity is ClaimsIdentity identity && !identity.HasClaim(c => c.Type == ClaimType))
        {
            var now = context.HttpContext.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow();
            var signedInAt = context.HttpContext.User.FindFirst(ClaimType)?.Value ?? now.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
            identity.AddClaim(new Claim(ClaimType, signedInAt));
        }

        return Task.CompletedTask;
    }

    public static Task KeepSignInTime(SecurityStampRefreshingPrincipalContext context)
    {
        if (context.CurrentPrincipal?.FindFirst(ClaimType) is { } claim && context.NewPrincipal?.Identity is ClaimsIdentity identity && !identity.HasClaim(c => c.Type == ClaimType))
        {
            identity.AddClaim(new Claim(ClaimType, claim.Value));
        }

        return Task.CompletedTask;
    }

    public static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var now = context.HttpContext.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow();
        var claim = context.Principal?.FindFirst(ClaimType)?.Value;
        if (!long.TryParse(claim, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) || now - DateTimeOffset.FromUnixTimeSeconds(seconds) > Absolute)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
            return;
        }

        await SecurityStampValidator.ValidatePrincipalAsync(context);
    }
}
