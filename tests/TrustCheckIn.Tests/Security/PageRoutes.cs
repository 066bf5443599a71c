using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace TrustCheckIn.Tests.Security;

// Every Razor Page the app serves, read from its endpoint data source, so a new page is covered the day it lands.
public static class PageRoutes
{
    public static IReadOnlyList<string> All(IServiceProvider services) => services
        .GetRequiredService<EndpointDataSource>().Endpoints
        .OfType<RouteEndpoint>()
        .Where(e => e.Metadata.GetMetadata<PageActionDescriptor>() is not null)
        .Select(e => "/" + e.RoutePattern.RawText!.TrimStart('/'))
        .Distinct(StringComparer.Ordinal)
        .Order(StringComparer.Ordinal)
        .ToList();

    // Fills route parameters with a plausible value.
    public static string Concrete(string route) => System.Text.RegularExpressions.Regex.Replace(route, @"\{[^}]+\}", "1");
}
