using TrustCheckIn.Tests.Infrastructure;

namespace TrustCheckIn.Tests.Couples;

public sealed class HomeWelcomeTests(TestApp app) : IClassFixture<TestApp>
{
    [Fact]
    public async Task HomeSaysWelcomeWhileTheyAreStartingAndWelcomeBackOnceTheyHaveBeenACoupleAWhile()
    {
        var alone = await app.SignInAsync(await app.CreateUserAsync("Ola"));
        var (a, _) = await app.CreateCoupleAsync("Pia", "Quin");
        var paired = await app.SignInAsync(a);

        var unpairedHome = await alone.GetPageAsync("/");
        var firstWeek = await paired.GetPageAsync("/");
        app.Clock.Advance(TimeSpan.FromDays(8));
        var later = await paired.GetPageAsync("/");

        Assert.Equal("Welcome", unpairedHome.Document.QuerySelector("#welcome")!.TextContent);
        Assert.Contains("Start together", unpairedHome.Text, StringComparison.Ordinal);
        Assert.Equal("Welcome", firstWeek.Document.QuerySelector("#welcome")!.TextContent);
        Assert.Equal("Welcome back", later.Document.QuerySelector("#welcome")!.TextContent);
    }
}
