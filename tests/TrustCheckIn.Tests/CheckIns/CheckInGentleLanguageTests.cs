using TrustCheckIn.Tests.Infrastructure;

namespace TrustCheckIn.Tests.CheckIns;

public sealed class CheckInGentleLanguageTests(TestApp app) : IClassFixture<TestApp>
{
    [Fact]
    public async Task BlamingWordsInACheckInGetAGentleHintButAreStillSaved()
    {
        var (a, _) = await app.CreateCoupleAsync();
        var browser = await app.SignInAsync(a);

        var saved = await browser.SubmitAndReadAsync(await browser.GetPageAsync("/CheckIns"), "#checkin-form", new()
        {
            ["Input.Trust"] = "3",
            ["Input.FeelingHeard"] = "2",
            ["Input.Connection"] = "3",
            ["Input.FollowThrough"] = "4",
            ["Input.EmotionalSafety"] = "3",
            ["Input.OnMyMind"] = "You never listen when I talk about work.",
            ["Input.WentWell"] = "Our walk on Sunday was lovely.",
        });

        Assert.Contains("Thank you for checking in", saved.Text, StringComparison.Ordinal);
        Assert.Contains("You never", saved.Document.QuerySelector("#onmymind-gentle")!.TextContent, StringComparison.OrdinalIgnoreCase);
        Assert.Empty(saved.Document.QuerySelector("#wentwell-gentle")!.TextContent.Trim());
        Assert.Equal("You never listen when I talk about work.", saved.Document.QuerySelector<AngleSharp.Html.Dom.IHtmlTextAreaElement>("#Input_OnMyMind")!.Value);
    }
}
