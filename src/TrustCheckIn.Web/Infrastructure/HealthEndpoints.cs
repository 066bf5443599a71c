using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using TrustCheckIn.Data;

namespace TrustCheckIn.Web.Infrastructure;

// /healthz/live: the process answers. /healthz/ready: the database answers and its schema is the one this build expects.
public static class HealthEndpoints
{
    public const string Prefix = "/healthz";
    private const string Ready = "ready";

    public static IServiceCollection AddTrustCheckInHealthChecks(this IServiceCollection services)
    {
        services.AddHealthChecks()
            .AddDbContextCheck<AppDbContext>("database", tags: [Ready])
            .AddCheck<SchemaIsCurrent>("schema", tags: [Ready]);
        return services;
    }

    public static void MapTrustCheckInHealthChecks(this WebApplication app)
    {
        app.MapHealthChecks($"{Prefix}/live", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous().DisableRateLimiting();
        app.MapHealthChecks($"{Prefix}/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains(Ready) }).AllowAnonymous().DisableRateLimiting();
    }

    private sealed class SchemaIsCurrent(AppDbContext db) : IHealthCheck
    {
        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
        {
            var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).Count();
            return pending == 0 ? HealthCheckResult.Healthy() : HealthCheckResult.Unhealthy($"{pending} migration(s) not applied");
        }
    }
}
