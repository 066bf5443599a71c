using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace TrustCheckIn.Web.Infrastructure;

public static class RateLimits
{
    // One bucket per purpose, so someone failing to sign in can still register, reset or join with a code.
    public const string SignIn = nameof(SignIn);
    public const string Registration = nameof(Registration);
    public const string AccountRecovery = nameof(AccountRecovery);
    public const string Codes = nameof(Codes);
    public const string TooManyMessage = "Too many attempts in a short time. Please wait a minute, then try again.";

    public static IServiceCollection AddTrustCheckInRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        var permitPerMinute = configuration.GetValue("RateLimits:SensitivePostsPerMinute", 10);
        services.AddSingleton(new AccountRateLimits(configuration.GetValue("RateLimits:PerAccountPerMinute", 5)));
        return services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = async (context, ct) =>
            {
                context.HttpContext.Response.Headers.RetryAfter = "60";
                context.HttpContext.Response.ContentType = "text/plain; charset=utf-8";
                await context.HttpContext.Response.WriteAsync(TooManyMessage, ct);
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

// The second key, where a form names an account: many clients aiming at one address (sign-in guesses, a flood of
// reset mails to one inbox) share one allowance. Keyed by the typed address, so it also holds for unknown ones.
public sealed class AccountRateLimits(int permitPerMinute) : IDisposable
{
    private readonly PartitionedRateLimiter<string> limiter = PartitionedRateLimiter.Create<string, string>(key =>
        RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions { PermitLimit = permitPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));

    public bool TryAcquire(string purpose, string account)
    {
        using var lease = limiter.AttemptAcquire($"{purpose}:{account.Trim().ToUpperInvariant()}");
        return lease.IsAcquired;
    }

    public static IActionResult TooMany(HttpResponse response)
    {
        response.Headers.RetryAfter = "60";
        return new ContentResult { StatusCode = StatusCodes.Status429TooManyRequests, Content = RateLimits.TooManyMessage, ContentType = "text/plain; charset=utf-8" };
    }

    public void Dispose() => limiter.Dispose();
}
