using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.AspNetCore.Authorization.Policy;
using TrustCheckIn.Accounts;

namespace TrustCheckIn.Web.Infrastructure;

// A couple's pages are their own rooms: to a signed-in person who is not a partner (a therapist, with or
// without consent or two-step sign-in) they do not exist, answered 404 as another couple's entries are, so
// an address says nothing about what lies behind it. Every other refusal is left to the default handler.
public sealed class PartnerPagesNotFound : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler standard = new();

    public Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        if (authorizeResult.Forbidden && IsPartnerPolicy(policy))
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return Task.CompletedTask;
        }

        return standard.HandleAsync(next, context, policy, authorizeResult);
    }

    private static bool IsPartnerPolicy(AuthorizationPolicy policy) =>
        policy.Requirements.OfType<RolesAuthorizationRequirement>().Any(r => r.AllowedRoles.Contains(Roles.Partner));
}
