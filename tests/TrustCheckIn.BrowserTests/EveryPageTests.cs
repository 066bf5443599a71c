using Microsoft.AspNetCore.Mvc.Infrastructure;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.DependencyInjection;

namespace TrustCheckIn.BrowserTests;

// xunit runs a collection that disables parallelization after every parallel one: by then the journeys are done.
[CollectionDefinition(nameof(EveryPageTests), DisableParallelization = true)]
public sealed class AfterEveryJourney;

[Collection(nameof(EveryPageTests))]
public sealed class EveryPageTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public void EveryRazorPageOfTheAppWasScannedByAxeInLightAndDark()
    {
        var pages = app.Services.GetRequiredService<IActionDescriptorCollectionProvider>().ActionDescriptors.Items
            .OfType<PageActionDescriptor>()
            .Select(page => page.ViewEnginePath)
            .ToHashSet(StringComparer.Ordinal);

        var neverScanned = pages.Except(BrowserApp.RazorPagesScanned).Order(StringComparer.Ordinal).ToList();

        Assert.True(pages.Count > 50, $"Only {pages.Count} Razor pages found.");
        Assert.True(neverScanned.Count == 0, "No browser journey (with JavaScript on) scanned these pages with axe; this test needs the whole browser suite to run first: " + string.Join(", ", neverScanned));
    }
}
