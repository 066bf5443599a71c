using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TrustCheckIn.Data;
using TrustCheckIn.Feelings;
using TrustCheckIn.Notifications;
using TrustCheckIn.Tests.Infrastructure;
using TrustCheckIn.Therapy;

namespace TrustCheckIn.Tests.Therapy;

public sealed class ConsentRequestTests(TestApp app) : IClassFixture<TestApp>
{
    private sealed record Fixture(TestUser A, TestUser B, TestUser Therapist, int CoupleId, HttpClient ABrowser, HttpClient BBrowser, HttpClient TherapistBrowser, string SharedFeeling);

    [Fact]
    public async Task AnAcceptedRequestAddsTheScopeAndBothSidesAreTold()
    {
        var f = await SeedAsync();
        var before = await f.TherapistBrowser.GetPageAsync($"/Therapist/Couple/{f.CoupleId}");

        var asked = await AskAsync(f, f.A, "Feelings", "To prepare our session on listening");
        var request = await f.ABrowser.GetPageAsync("/Couple/Therapist");
        var notSeenByB = await f.BBrowser.GetPageAsync("/Couple/Therapist");
        await f.ABrowser.SubmitAsync(request, "#consent-requests form[action*='accept=true']");
        var after = await f.TherapistBrowser.GetPageAsync($"/Therapist/Couple/{f.CoupleId}");
        var list = await f.TherapistBrowser.GetPageAsync($"/Therapist/Ask/{f.CoupleId}");

        Assert.Contains("Asked.", asked.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(f.SharedFeeling, before.Html, StringComparison.Ordinal);
        var card = request.Document.QuerySelector("#consent-requests")!.TextContent;
        Assert.Contains("\"I feel\" statements you have shared", card, StringComparison.Ordinal);
        Assert.Contains("To prepare our session on listening", card, StringComparison.Ordinal);
        Assert.Null(notSeenByB.Document.QuerySelector("#consent-requests"));
        Assert.Contains(f.SharedFeeling, after.Html, StringComparison.Ordinal);
        Assert.Contains("accepted", list.Document.QuerySelector("#consent-request-list")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(1, await NotificationsAsync(f.A.Id, NotificationKind.ConsentRequested));
        Assert.Equal(1, await NotificationsAsync(f.Therapist.Id, NotificationKind.ConsentRequestAnswered));
        // Saying yes to one scope is not yes to the past: it starts today when nothing was shared before.
        var consent = await app.WithDbAsync(db => db.Consents.Where(c => c.PartnerId == f.A.Id && c.RevokedAt == null).SingleAsync());
        Assert.Equal(ConsentScope.Feelings, consent.Scopes);
        Assert.NotNull(consent.StartsOn);
    }

    [Fact]
    public async Task ADeclinedRequestSharesNothingAndTheTherapistSeesTheAnswer()
    {
        var f = await SeedAsync();
        await AskAsync(f, f.B, "Journal", null);

        await f.BBrowser.SubmitAsync(await f.BBrowser.GetPageAsync("/Couple/Therapist"), "#consent-requests form[action*='accept=false']");
        var list = await f.TherapistBrowser.GetPageAsync($"/Therapist/Ask/{f.CoupleId}");
        var partnerPage = await f.BBrowser.GetPageAsync("/Couple/Therapist");

        Assert.Contains("declined", list.Document.QuerySelector("#consent-request-list")!.TextContent, StringComparison.Ordinal);
        Assert.Null(partnerPage.Document.QuerySelector("#consent-requests"));
        Assert.False(await app.WithDbAsync(db => db.Consents.AnyAsync(c => c.PartnerId == f.B.Id && c.RevokedAt == null)));
        Assert.Equal(1, await NotificationsAsync(f.Therapist.Id, NotificationKind.ConsentRequestAnswered));
    }

    [Fact]
    public async Task OneOpenRequestPerScopeAndNothingAlreadySharedIsAskedFor()
    {
        var f = await SeedAsync();
        await AskAsync(f, f.A, "CheckIns", null);

        var again = await AskAsync(f, f.A, "CheckIns", "Please");
        var otherScope = await AskAsync(f, f.A, "Journal", null);
        await f.ABrowser.SubmitAsync(await f.ABrowser.GetPageAsync("/Couple/Therapist"), "#consent-requests form[action*='accept=true']");
        var alreadyShared = await AskAsync(f, f.A, "CheckIns", null);

        Assert.Contains("already asked", again.Document.QuerySelector("[data-valmsg-for='Input.Scope']")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Please", again.Document.QuerySelector("textarea[name='Input.Reason']")!.TextContent);
        Assert.Contains("Asked.", otherScope.Text, StringComparison.Ordinal);
        Assert.Contains("already share", alreadyShared.Document.QuerySelector("[data-valmsg-for='Input.Scope']")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(2, await app.WithDbAsync(db => db.ConsentRequests.CountAsync(r => r.PartnerId == f.A.Id)));
    }

    [Fact]
    public async Task BadInputIsSaidNextToTheFieldAndKeepsTheReason()
    {
        var f = await SeedAsync();
        var page = await f.TherapistBrowser.GetPageAsync($"/Therapist/Ask/{f.CoupleId}");

        var noPartner = await f.TherapistBrowser.SubmitAndReadAsync(page, "#consent-request-form", new() { ["Input.Scope"] = "Feelings", ["Input.Reason"] = "Kept words" });
        var tooLong = await f.TherapistBrowser.SubmitAndReadAsync(page, "#consent-request-form", new() { ["Input.PartnerId"] = f.A.Id, ["Input.Scope"] = "Feelings", ["Input.Reason"] = new string('a', ConsentRequest.ReasonMaxLength + 1) });

        Assert.Contains("which partner", noPartner.Document.QuerySelector("[data-valmsg-for='Input.PartnerId']")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Kept words", noPartner.Document.QuerySelector("textarea[name='Input.Reason']")!.TextContent);
        Assert.Contains("300 characters", tooLong.Document.QuerySelector("[data-valmsg-for='Input.Reason']")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(0, await app.WithDbAsync(db => db.ConsentRequests.CountAsync(r => r.PartnerId == f.A.Id)));
    }

    [Fact]
    public async Task OnlyTheLinkedTherapistAsksAndOnlyTheAskedPartnerAnswers()
    {
        var f = await SeedAsync();
        await AskAsync(f, f.A, "Feelings", null);
        var requestId = await app.WithDbAsync(db => db.ConsentRequests.Where(r => r.PartnerId == f.A.Id).Select(r => r.Id).SingleAsync());
        var (stranger, _, key) = await app.CreateTherapistAsync("Dr Elsewhere");
        var strangerBrowser = await app.SignInWithTwoFactorAsync(stranger, key);
        var (other, _) = await app.CreateCoupleAsync("Ola", "Pim");
        var otherBrowser = await app.SignInAsync(other);
        var otherPage = await otherBrowser.GetPageAsync("/Couple/Therapist");
        var bPage = await f.BBrowser.GetPageAsync("/Couple/Therapist");

        var strangerGet = await strangerBrowser.GetAsync($"/Therapist/Ask/{f.CoupleId}");
        var byPartner = await f.BBrowser.PostWithTokenOfAsync(bPage, $"/Couple/Therapist?handler=AnswerRequest&requestId={requestId}&accept=true");
        var byOtherCouple = await otherBrowser.PostWithTokenOfAsync(otherPage, $"/Couple/Therapist?handler=AnswerRequest&requestId={requestId}&accept=true");

        Assert.Equal(HttpStatusCode.NotFound, strangerGet.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, byPartner.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, byOtherCouple.StatusCode);
        Assert.True(await app.WithDbAsync(db => db.ConsentRequests.AnyAsync(r => r.Id == requestId && r.AnsweredAt == null)));
    }

    private async Task<HtmlPage> AskAsync(Fixture f, TestUser partner, string scope, string? reason)
    {
        var values = new Dictionary<string, string> { ["Input.PartnerId"] = partner.Id, ["Input.Scope"] = scope };
        if (reason is not null)
        {
            values["Input.Reason"] = reason;
        }

        return await f.TherapistBrowser.SubmitAndReadAsync(await f.TherapistBrowser.GetPageAsync($"/Therapist/Ask/{f.CoupleId}"), "#consent-request-form", values);
    }

    private Task<int> NotificationsAsync(string userId, NotificationKind kind) =>
        app.WithDbAsync(db => db.Notifications.CountAsync(n => n.RecipientId == userId && n.Kind == kind));

    private async Task<Fixture> SeedAsync()
    {
        var (a, b) = await app.CreateCoupleAsync("Ana", "Ben");
        var sharedFeeling = $"CanaryFeeling{Guid.NewGuid():N}";
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var feelings = scope.ServiceProvider.GetRequiredService<FeelingService>();
            var draft = await feelings.SaveDraftAsync(a.Id, new FeelingWords("hopeful", sharedFeeling, null));
            await feelings.ShareAsync(a.Id, draft.Value);
        }

        var (therapist, code, key) = await app.CreateTherapistAsync("Dr Rivers");
        var aBrowser = await app.SignInAsync(a);
        await aBrowser.SubmitAsync(await aBrowser.GetPageAsync("/Couple/Therapist"), "#link-therapist-form", new() { ["Link.Code"] = code });
        var coupleId = await app.WithDbAsync(db => db.Couples.Where(c => c.PartnerAId == a.Id || c.PartnerBId == a.Id).Select(c => c.Id).SingleAsync());
        return new Fixture(a, b, therapist, coupleId, aBrowser, await app.SignInAsync(b), await app.SignInWithTwoFactorAsync(therapist, key), sharedFeeling);
    }
}
