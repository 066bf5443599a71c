using TrustCheckIn.Tests.Infrastructure;

namespace TrustCheckIn.Tests.CheckIns;

public sealed class CoupleEndsWhileWritingTests(TestApp app) : IClassFixture<TestApp>
{
    [Fact]
    public async Task ACheckInSentAfterThePartnerLeftShowsTheWordsBack()
    {
        var (a, b) = await app.CreateCoupleAsync();
        var aBrowser = await app.SignInAsync(a);
        var form = await aBrowser.GetPageAsync("/CheckIns");
        await app.WithServiceAsync<TrustCheckIn.Common.Result, TrustCheckIn.Couples.CoupleService>(c => c.LeaveAsync(b.Id));

        var page = await aBrowser.SubmitAndReadAsync(form, "#checkin-form", new()
        {
            ["Input.Trust"] = "3",
            ["Input.FeelingHeard"] = "3",
            ["Input.Connection"] = "3",
            ["Input.FollowThrough"] = "3",
            ["Input.EmotionalSafety"] = "3",
            ["Input.OnMyMind"] = "Words I would hate to lose",
        });

        Assert.Contains("couldn't be saved", page.Document.QuerySelector("#kept-words")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Words I would hate to lose", page.Document.QuerySelector("#kept-words")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AStatementSavedAfterThePartnerLeftShowsTheWordsBack()
    {
        var (a, b) = await app.CreateCoupleAsync();
        var aBrowser = await app.SignInAsync(a);
        var form = await aBrowser.GetPageAsync("/Feelings/Compose");
        await app.WithServiceAsync<TrustCheckIn.Common.Result, TrustCheckIn.Couples.CoupleService>(c => c.LeaveAsync(b.Id));

        var page = await aBrowser.SubmitAndReadAsync(form, "#compose-form", new()
        {
            ["Input.OwnFeeling"] = "uneasy",
            ["Input.Situation"] = "plans change at the last minute",
        });

        Assert.Contains("plans change at the last minute", page.Document.QuerySelector("#kept-words")!.TextContent, StringComparison.Ordinal);
    }
}
