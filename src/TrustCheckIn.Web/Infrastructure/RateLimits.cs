using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace TrustCheckIn.Web.Infrastructure;

public static class RateLimits
{
    // Sign-in, registration, password reset and invitation acceptance: guessing targets.
    public const string Sensitive = nameof(Sensitive);

    public static IServiceCollection AddTrustCheckInRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        var permitPerMinute = configuration.GetValue("RateLimits:SensitivePostsPerMinute", 10);
        return services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = async (context, ct) =>
            {
                context.HttpContext.Response.Headers.RetryAfter = "60";
                context.HttpContext.Response.ContentType = "text/plain; charset=utf-8";
                await context.HttpContext.Response.WriteAsync("Too many attempts in a short time. Please wait a minute, then try again.", ct);
            };
            options.AddPolicy(Sensitive, context => HttpMethods.IsPost(context.Request.Method)
                ? RateLimitPartition.GetFixedWindowLimiter(
                    context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                    _ => new FixedWindowRateLimiterOptions { PermitLimit = permitPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 })
                : RateLimitPartition.GetNoLimiter("reads"));
        });
    }
}
