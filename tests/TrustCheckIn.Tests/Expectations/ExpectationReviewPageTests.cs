using TrustCheckIn.Tests.Infrastructure;

namespace TrustCheckIn.Tests.Expectations;

// Its own app: these tests move the app's clock weeks ahead (so partners sign in again, as sessions expire).
public sealed class ExpectationReviewPageTests(TestApp app) : IClassFixture<TestApp>
{
    [Fact]
    public async Task TheHomePageRemindsBothOnceTheReviewIsOverdueUntilBothConfirm()
    {
        var (a, b) = await app.CreateCoupleAsync("Ana", "Ben");
        var aBrowser = await app.SignInAsync(a);
        var bBrowser = await app.SignInAsync(b);
        await aBrowser.SubmitAndReadAsync(await aBrowser.GetPageAsync("/Expectations"), "#starter-start-form");
        var freshHome = await aBrowser.GetPageAsync("/");

        app.Clock.Advance(TimeSpan.FromDays(28) + TimeSpan.FromMinutes(1));
        aBrowser = await app.SignInAsync(a);
        bBrowser = await app.SignInAsync(b);
        var aHome = await aBrowser.GetPageAsync("/");
        var bHome = await bBrowser.GetPageAsync("/");
        var aConfirmed = await aBrowser.SubmitAndReadAsync(await aBrowser.GetPageAsync("/Expectations"), "#review-form");
        var bHomeWaiting = await bBrowser.GetPageAsync("/");
        var bConfirmed = await bBrowser.SubmitAndReadAsync(await bBrowser.GetPageAsync("/Expectations"), "#review-form");
        var aHomeAfter = await aBrowser.GetPageAsync("/");

        Assert.Null(freshHome.Document.QuerySelector("#expectations-review-reminder"));
        Assert.Contains("You haven't looked over your expectations together yet.", aHome.Document.QuerySelector("#expectations-review-reminder")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(bHome.Document.QuerySelector("#expectations-review-reminder"));
        Assert.Contains("Once your partner confirms too", aConfirmed.Text, StringComparison.Ordinal);
        Assert.NotNull(aConfirmed.Document.QuerySelector("#review-waiting"));
        Assert.Contains("Ana has marked them as reviewed together", bHomeWaiting.Text, StringComparison.Ordinal);
        Assert.Contains("Reviewed together.", bConfirmed.Text, StringComparison.Ordinal);
        Assert.Null(aHomeAfter.Document.QuerySelector("#expectations-review-reminder"));
    }

    [Fact]
    public async Task TheChosenIntervalDecidesWhenTheReminderComes()
    {
        var (a, b) = await app.CreateCoupleAsync();
        var aBrowser = await app.SignInAsync(a);
        var bBrowser = await app.SignInAsync(b);
        await aBrowser.SubmitAndReadAsync(await aBrowser.GetPageAsync("/Expectations"), "#starter-start-form");

        var saved = await bBrowser.SubmitAndReadAsync(await bBrowser.GetPageAsync("/Expectations"), "#interval-form", new() { ["ReviewIntervalWeeks"] = "12" });
        app.Clock.Advance(TimeSpan.FromDays(7 * 5));
        aBrowser = await app.SignInAsync(a);
        var fiveWeeks = await aBrowser.GetPageAsync("/");
        app.Clock.Advance(TimeSpan.FromDays(7 * 7) + TimeSpan.FromMinutes(1));
        aBrowser = await app.SignInAsync(a);
        var twelveWeeks = await aBrowser.GetPageAsync("/");
        var table = await aBrowser.GetPageAsync("/Expectations");

        Assert.Contains("when 12 weeks have passed", saved.Text, StringComparison.Ordinal);
        Assert.Null(fiveWeeks.Document.QuerySelector("#expectations-review-reminder"));
        Assert.NotNull(twelveWeeks.Document.QuerySelector("#expectations-review-reminder"));
        Assert.NotNull(table.Document.QuerySelector("#review-overdue"));
    }
}
