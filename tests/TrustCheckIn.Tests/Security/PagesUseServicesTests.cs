using System.Reflection;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TrustCheckIn.Data;

namespace TrustCheckIn.Tests.Security;

public sealed class PagesUseServicesTests
{
    [Fact]
    public void NoPageModelTakesTheDbContext()
    {
        var pageModels = typeof(TrustCheckIn.Web.Pages.IndexModel).Assembly.GetTypes()
            .Where(t => t.IsSubclassOf(typeof(PageModel)) && !t.IsAbstract)
            .ToList();

        var offenders = pageModels
            .Where(t => t.GetConstructors(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance)
                .SelectMany(c => c.GetParameters())
                .Any(p => p.ParameterType == typeof(AppDbContext)))
            .Select(t => t.FullName)
            .ToList();

        Assert.True(pageModels.Count >= 10, $"Only {pageModels.Count} page models found.");
        Assert.Empty(offenders);
    }
}
