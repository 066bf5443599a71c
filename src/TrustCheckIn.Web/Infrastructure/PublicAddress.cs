using Microsoft.AspNetCore.HostFiltering;
using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.Extensions.Options;
using TrustCheckIn.Reminders;

namespace TrustCheckIn.Web.Infrastructure;

// The site's public address (App:BaseUrl) is the only source of absolute links and of the allowed Host header:
// a link built from the request goes wherever the sender's Host header points.
public static class PublicAddress
{
    public const string Setting = $"{AppOptions.Section}:{nameof(AppOptions.BaseUrl)}";

    public static Uri RequirePublicAddress(this WebApplicationBuilder builder)
    {
        var development = builder.Environment.IsDevelopment();
        var configured = builder.Configuration[Setting];
        if (string.IsNullOrWhiteSpace(configured) && development)
        {
            configured = new AppOptions().BaseUrl;
        }

        if (!Uri.TryCreate(configured, UriKind.Absolute, out var address)
            || (address.Scheme != Uri.UriSchemeHttps && !(development && address.Scheme == Uri.UriSchemeHttp))
            || address.Query.Length > 0 || address.Fragment.Length > 0)
        {
            throw new InvalidOperationException(
                $"{Setting} must be the site's public https address, for example App__BaseUrl=https://checkin.example.org " +
                $"(it is required outside Development: links in e-mails and the allowed Host header come from it). Found: '{configured}'.");
        }

        builder.Services.AddSingleton<PublicLinks>();
        if (!development)
        {
            // Any extra names an operator lists stay allowed; "*" does not survive outside Development.
            var extra = (builder.Configuration["AllowedHosts"] ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            var hosts = extra.Where(h => h != "*").Append(address.Host).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
            builder.Services.Configure<HostFilteringOptions>(options => options.AllowedHosts = hosts);
        }

        return address;
    }

    // Plain HTTP (no trusted X-Forwarded-Proto: https) goes to the same path on the public https address, so a
    // form never meets an antiforgery cookie it may not set. Health probes stay reachable over plain HTTP.
    public static IApplicationBuilder UseHttpsToPublicAddress(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        if (context.Request.IsHttps || context.Request.Path.StartsWithSegments(HealthEndpoints.Prefix))
        {
            return next(context);
        }

        var address = new Uri(context.RequestServices.GetRequiredService<IOptions<AppOptions>>().Value.BaseUrl);
        context.Response.StatusCode = StatusCodes.Status307TemporaryRedirect;
        context.Response.Headers.Location = UriHelper.BuildAbsolute(
            address.Scheme, new HostString(address.Authority), address.AbsolutePath.TrimEnd('/'), context.Request.Path, context.Request.QueryString);
        return Task.CompletedTask;
    });
}

// Absolute links for mails and pages, from App:BaseUrl and the page's route; no request needed, so background
// jobs build them too.
public sealed class PublicLinks(LinkGenerator routes, IOptions<AppOptions> app)
{
    public string Page(string page, object? values = null) =>
        app.Value.Link(routes.GetPathByPage(page, handler: null, values) ?? throw new InvalidOperationException($"No route to {page}."));
}
