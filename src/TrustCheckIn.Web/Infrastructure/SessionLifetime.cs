using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using TrustCheckIn.Accounts;

namespace TrustCheckIn.Web.Infrastructure;

// A session ends 30 days after the password was typed, however often it is used (sliding renewal re-issues
// the cookie, so its own issue time cannot be the measure), and at once when the security stamp changes.
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

    // Every request: one indexed read of the stamp and roles. A changed stamp (password, two-step, sign-out,
    // erasure) ends the session; changed roles (an approval) rebuild the principal and re-issue the cookie.
    // Otherwise nothing is written back, so the response carries no cookie.
    public static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var services = context.HttpContext.RequestServices;
        var principal = context.Principal!;
        var claims = services.GetRequiredService<IOptions<IdentityOptions>>().Value.ClaimsIdentity;
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        var signedInAt = principal.FindFirst(ClaimType)?.Value;
        var current = principal.FindFirstValue(claims.UserIdClaimType) is { } userId
            ? await services.GetRequiredService<SessionStamps>().ReadAsync(userId, context.HttpContext.RequestAborted)
            : null;
        if (!long.TryParse(signedInAt, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) || now - DateTimeOffset.FromUnixTimeSeconds(seconds) > Absolute
            || current is null || current.SecurityStamp != principal.FindFirstValue(claims.SecurityStampClaimType))
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
            return;
        }

        PersonalLook.Remember(context.HttpContext, current.Settings);
        UnreadNotifications.Remember(context.HttpContext, current.UnreadNotifications);
        var roles = principal.FindAll(claims.RoleClaimType).Select(c => c.Value).Order(StringComparer.Ordinal);
        if (!roles.SequenceEqual(current.Roles.Order(StringComparer.Ordinal)))
        {
            var signIn = services.GetRequiredService<SignInManager<AppUser>>();
            var user = await signIn.UserManager.GetUserAsync(principal);
            if (user is null)
            {
                context.RejectPrincipal();
                return;
            }

            var rebuilt = await signIn.CreateUserPrincipalAsync(user);
            var identity = (ClaimsIdentity)rebuilt.Identity!;
            TwoFactorClaims.KeepHowTheySignedIn(principal, identity);
            identity.AddClaim(new Claim(ClaimType, signedInAt!));
            context.ReplacePrincipal(rebuilt);
            context.ShouldRenew = true;
        }
    }
}
