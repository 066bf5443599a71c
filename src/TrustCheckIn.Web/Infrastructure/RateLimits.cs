using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace TrustCheckIn.Web.Infrastructure;

public static class RateLimits
{
    // One bucket per purpose, so someone failing to sign in can still register, reset or join with a code.
    public const string SignIn = nameof(SignIn);
    public const string Registration = nameof(Registration);
    public const string AccountRecovery = nameof(AccountRecovery);
    public const string Codes = nameof(Codes);

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
            // Keyed per client: behind a trusted proxy RemoteIpAddress is the forwarded client, not the proxy.
            foreach (var purpose in new[] { SignIn, Registration, AccountRecovery, Codes })
            {
                options.AddPolicy(purpose, context => HttpMethods.IsPost(context.Request.Method)
                    ? RateLimitPartition.GetFixedWindowLimiter(
                        context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                        _ => new FixedWindowRateLimiterOptions { PermitLimit = permitPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 })
                    : RateLimitPartition.GetNoLimiter("reads"));
            }
        });
    }
}
