using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace TrustCheckIn.Tests.Security;

// One handler of one page: "GET /Journal/Entry" or "POST /Journal/Entry?handler=Share".
public sealed record PageHandler(string Method, string Page, string Handler, string Route)
{
    public string Key => $"{Method} {Page}{(Handler.Length == 0 ? "" : "?handler=" + Handler)}";

    public override string ToString() => Key;
}

// Every Razor Page the app serves, read from its endpoint data source, so a new page is covered the day it lands.
public static class PageRoutes
{
    public static IReadOnlyList<string> All(IServiceProvider services) => PageEndpoints(services)
        .Select(e => "/" + e.Endpoint.RoutePattern.RawText!.TrimStart('/'))
        .Distinct(StringComparer.Ordinal)
        .Order(StringComparer.Ordinal)
        .ToList();

    // Every GET and POST handler of every page, loaded the way the app loads them on a first request.
    public static async Task<IReadOnlyList<PageHandler>> HandlersAsync(IServiceProvider services)
    {
        var loader = services.GetRequiredService<PageLoader>();
        var handlers = new List<PageHandler>();
        foreach (var group in PageEndpoints(services).GroupBy(e => e.Descriptor.ViewEnginePath, StringComparer.Ordinal))
        {
            var (endpoint, descriptor) = group.OrderByDescending(e => e.Endpoint.RoutePattern.RawText!.Length).First();
            var compiled = await loader.LoadAsync(descriptor, endpoint.Metadata);
            var route = "/" + endpoint.RoutePattern.RawText!.TrimStart('/');
            if (compiled.HandlerMethods.Count == 0)
            {
                handlers.Add(new PageHandler("GET", group.Key, "", route));
            }

            handlers.AddRange(compiled.HandlerMethods.Select(h => new PageHandler(h.HttpMethod.ToUpperInvariant(), group.Key, h.Name ?? "", route)));
        }

        // Endpoints outside Razor Pages (the calendar feed); static files are not handlers.
        foreach (var endpoint in services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<PageActionDescriptor>() is null && e.RoutePattern.Parameters.Count > 0
                && !e.RoutePattern.RawText!.Contains("**", StringComparison.Ordinal)))
        {
            var route = "/" + endpoint.RoutePattern.RawText!.TrimStart('/');
            foreach (var method in endpoint.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()?.HttpMethods ?? ["GET"])
            {
                handlers.Add(new PageHandler(method, route, "", route));
            }
        }

        return handlers.DistinctBy(h => h.Key).OrderBy(h => h.Key, StringComparer.Ordinal).ToList();
    }

    // Fills route parameters with a plausible value.
    public static string Concrete(string route) => System.Text.RegularExpressions.Regex.Replace(route, @"\{[^}]+\}", "1");

    private static IEnumerable<(RouteEndpoint Endpoint, PageActionDescriptor Descriptor)> PageEndpoints(IServiceProvider services) => services
        .GetRequiredService<EndpointDataSource>().Endpoints
        .OfType<RouteEndpoint>()
        .Select(e => (Endpoint: e, Descriptor: e.Metadata.GetMetadata<PageActionDescriptor>()!))
        .Where(e => e.Descriptor is not null);
}
