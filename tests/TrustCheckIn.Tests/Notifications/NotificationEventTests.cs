using System.Net;
using TrustCheckIn.Feelings;
using TrustCheckIn.Notifications;
using TrustCheckIn.Tests.CheckIns;
using TrustCheckIn.Tests.Infrastructure;

namespace TrustCheckIn.Tests.Notifications;

// Each event reaches the one person it is for: never the actor, the other couple or the administrator.
// Every test runs beside a second couple and the administrator, who must get nothing.
public sealed class NotificationEventTests(TestApp app) : IClassFixture<TestApp>
{
    private async Task<(TestUser A, TestUser B, HttpClient ABrowser, HttpClient BBrowser)> CoupleAsync()
    {
        await app.AdministratorAsync();
        await app.CreateCoupleAsync();
        var (a, b) = await app.CreateCoupleAsync();
        return (a, b, await app.SignInAsync(a), await app.SignInAsync(b));
    }

    private Task<int> DraftAsync(TestUser author, string situation) =>
        app.WithServiceAsync<int, FeelingService>(async f => (await f.SaveDraftAsync(author.Id, new FeelingWords("hurt", situation, "a quick message"))).Value);

    [Fact]
    public async Task TheFirstCheckInTellsThePartnerAndTheSecondTellsTheFirstThatAnswersAreReady()
    {
        var (a, b, aBrowser, bBrowser) = await CoupleAsync();

        var first = await app.ToldByAsync(async () => await aBrowser.SubmitAndReadAsync(await aBrowser.GetPageAsync("/CheckIns"), "#checkin-form", CheckInPagesTests.Form()));
        var edit = await app.ToldByAsync(async () => await aBrowser.SubmitAndReadAsync(await aBrowser.GetPageAsync("/CheckIns"), "#checkin-form", CheckInPagesTests.Form(trust: 2)));
        var bHome = await bBrowser.GetPageAsync("/");
        var second = await app.ToldByAsync(async () => await bBrowser.SubmitAndReadAsync(await bBrowser.GetPageAsync("/CheckIns"), "#checkin-form", CheckInPagesTests.Form()));

        first.AssertToldOnly(b, NotificationKind.PartnerCheckedIn, a);
        Assert.Empty(edit);
        Assert.Contains("Your partner checked in", bHome.Document.QuerySelector("#for-you")?.TextContent, StringComparison.Ordinal);
        Assert.Contains("1 unread", bHome.Document.QuerySelector("#nav-notifications")?.TextContent, StringComparison.Ordinal);
        second.AssertToldOnly(a, NotificationKind.AnswersReady, b);
    }

    [Fact]
    public async Task SharingTellsThePartnerAndAcknowledgingOrAnsweringTellsTheAuthor()
    {
        var (a, b, aBrowser, bBrowser) = await CoupleAsync();
        var quiet = await DraftAsync(a, "plans change late");
        var answered = await DraftAsync(a, "the evenings get busy");

        var shared = await app.ToldByAsync(async () => await aBrowser.SubmitAsync(await aBrowser.GetPageAsync($"/Feelings/Statement/{quiet}"), "#share-form"));
        await aBrowser.SubmitAsync(await aBrowser.GetPageAsync($"/Feelings/Statement/{answered}"), "#share-form");
        var acknowledged = await app.ToldByAsync(async () => await bBrowser.SubmitAsync(await bBrowser.GetPageAsync($"/Feelings/Statement/{quiet}"), "#acknowledge-form", new() { ["Input.Reply"] = "" }));
        var reply = await app.ToldByAsync(async () => await bBrowser.SubmitAsync(await bBrowser.GetPageAsync($"/Feelings/Statement/{answered}"), "#acknowledge-form", new() { ["Input.Reply"] = "I hear you" }));

        shared.AssertToldOnly(b, NotificationKind.StatementShared, a);
        Assert.Equal($"/Feelings/Statement/{quiet}", shared[0].Url);
        acknowledged.AssertToldOnly(a, NotificationKind.StatementAcknowledged, b);
        reply.AssertToldOnly(a, NotificationKind.StatementAnswered, b);
    }

    [Fact]
    public async Task ChangingTheTableTellsThePartnerOnceUntilTheyHaveLooked()
    {
        var (a, b, aBrowser, bBrowser) = await CoupleAsync();
        Dictionary<string, string> Row(string need) => new() { ["Input.Need"] = need, ["Input.Action"] = "Message if plans change", ["Input.Frequency"] = "Weekly" };

        var added = await app.ToldByAsync(async () => await aBrowser.SubmitAsync(await aBrowser.GetPageAsync("/Expectations/Add"), "#add-form", Row("Knowing the plan")));
        var again = await app.ToldByAsync(async () => await aBrowser.SubmitAsync(await aBrowser.GetPageAsync("/Expectations/Add"), "#add-form", Row("Time together")));
        var opened = await bBrowser.PostAsync($"/Notifications?handler=Open&id={added[0].Id}", new FormUrlEncodedContent([new("__RequestVerificationToken", await TokenAsync(bBrowser))]));
        var afterReading = await app.ToldByAsync(async () => await aBrowser.SubmitAsync(await aBrowser.GetPageAsync("/Expectations/Add"), "#add-form", Row("Quiet evenings")));

        added.AssertToldOnly(b, NotificationKind.ExpectationsChanged, a);
        Assert.Empty(again);
        Assert.Equal(HttpStatusCode.OK, opened.StatusCode);
        afterReading.AssertToldOnly(b, NotificationKind.ExpectationsChanged, a);
    }

    [Fact]
    public async Task AReviewToConfirmAndANoticedFollowThroughReachThePartner()
    {
        var (a, b, aBrowser, _) = await CoupleAsync();
        var row = await app.WithServiceAsync<int, TrustCheckIn.Expectations.ExpectationService>(async e => (await e.AddAsync(b.Id, new("Reassurance", "Say thank you", TrustCheckIn.Expectations.ExpectationFrequency.Weekly, null))).Value);
        await app.WithServiceAsync<TrustCheckIn.Common.Result, TrustCheckIn.Expectations.FollowThroughService>(f => f.RecordFollowThroughAsync(b.Id, row, null));
        var rowPage = await aBrowser.GetPageAsync($"/Expectations/Row/{row}");
        var noticeForm = rowPage.Document.QuerySelector("form[id^='notice-']")!.Id!;

        var review = await app.ToldByAsync(async () => await aBrowser.SubmitAsync(await aBrowser.GetPageAsync("/Expectations"), "#review-form"));
        var noticed = await app.ToldByAsync(() => aBrowser.SubmitAsync(rowPage, $"#{noticeForm}"));

        review.AssertToldOnly(b, NotificationKind.ReviewToConfirm, a);
        noticed.AssertToldOnly(b, NotificationKind.FollowThroughNoticed, a);
        Assert.Equal($"/Expectations/Row/{row}", noticed[0].Url);
    }

    [Fact]
    public async Task TherapistLinkingAndSharingTellThePartnerAndTheTherapistThatSomethingChanged()
    {
        var (a, b, aBrowser, _) = await CoupleAsync();
        var (therapist, code, _) = await app.CreateTherapistAsync();

        var linked = await app.ToldByAsync(async () => await aBrowser.SubmitAsync(await aBrowser.GetPageAsync("/Couple/Therapist"), "#link-therapist-form", new() { ["Link.Code"] = code }));
        var granted = await app.ToldByAsync(async () => await aBrowser.SubmitAsync(await aBrowser.GetPageAsync("/Couple/Therapist"), "#consent-form", new() { ["Input.CheckIns"] = "true", ["Input.Start"] = "AllHistory" }));
        var revoked = await app.ToldByAsync(async () => await aBrowser.SubmitAsync(await aBrowser.GetPageAsync("/Couple/Therapist"), "#revoke-consent-form"));
        var unlinked = await app.ToldByAsync(async () => await aBrowser.SubmitAsync(await aBrowser.GetPageAsync("/Couple/Therapist"), "#unlink-therapist-form"));

        Assert.Equal([(b.Id, NotificationKind.TherapistLinked), (therapist.Id, NotificationKind.CoupleLinkedYou)], linked.OrderBy(n => n.Kind).Select(n => (n.RecipientId, n.Kind)));
        Assert.Equal([(b.Id, NotificationKind.PartnerSharingChanged), (therapist.Id, NotificationKind.ConsentChanged)], granted.OrderBy(n => n.Kind).Select(n => (n.RecipientId, n.Kind)));
        Assert.Equal([(b.Id, NotificationKind.PartnerSharingChanged), (therapist.Id, NotificationKind.ConsentChanged)], revoked.OrderBy(n => n.Kind).Select(n => (n.RecipientId, n.Kind)));
        unlinked.AssertToldOnly(b, NotificationKind.TherapistUnlinked, a);
        Assert.All(linked.Concat(granted).Concat(revoked).Concat(unlinked), n => Assert.Equal(a.Id, n.ActorId));
    }

    [Fact]
    public async Task LeavingTellsTheOtherPartnerAndAClosedCoupleTellsNobodyAnythingMore()
    {
        var (a, b, aBrowser, bBrowser) = await CoupleAsync();
        var draft = await DraftAsync(b, "plans change late");

        var left = await app.ToldByAsync(async () => await aBrowser.SubmitAsync(await aBrowser.GetPageAsync("/Couple/Leave"), "#leave-form"));
        var bHome = await bBrowser.GetPageAsync("/");
        var afterwards = await app.ToldByAsync(async () =>
        {
            await bBrowser.PostAsync("/CheckIns", new FormUrlEncodedContent(CheckInPagesTests.Form().Append(new("__RequestVerificationToken", await TokenAsync(bBrowser)))));
            await app.WithServiceAsync<TrustCheckIn.Common.Result, FeelingService>(f => f.ShareAsync(b.Id, draft));
        });

        left.AssertToldOnly(b, NotificationKind.PartnerLeft, a);
        Assert.Contains("Your partner has left the couple", bHome.Document.QuerySelector("#for-you")?.TextContent, StringComparison.Ordinal);
        Assert.Contains($"{a.DisplayName} has left the couple", bHome.Document.QuerySelector("#couple-ended")?.TextContent, StringComparison.Ordinal);
        Assert.Equal("/Account/Manage/PersonalData", bHome.Document.QuerySelector("#export-my-data")?.GetAttribute("href"));
        Assert.Empty(afterwards);
    }

    [Fact]
    public async Task ATherapistWhoConfirmsTheirAddressIsOnTheAdministratorsListAndIsToldWhenApproved()
    {
        var administrator = await app.AdministratorAsync();
        var email = $"{Guid.NewGuid():N}@example.test";
        var visitor = app.CreateBrowser();
        await visitor.SubmitAsync(await visitor.GetPageAsync("/Account/Register"), "#register-form", new()
        {
            ["Input.DisplayName"] = "Dr New",
            ["Input.Email"] = email,
            ["Input.Password"] = TestApp.Password,
            ["Input.ConfirmPassword"] = TestApp.Password,
            ["Input.AsTherapist"] = "true",
        });
        var confirmPage = await visitor.GetPageAsync(TestApp.LinkIn(app.MailTo(email).Single(), "/Account/ConfirmEmail"));

        var waiting = await app.ToldByAsync(() => visitor.SubmitAndReadAsync(confirmPage, "#confirm-email-form"));
        var therapistId = waiting.Single().ActorId!;
        var adminBrowser = await app.SignInAsync(administrator);
        var approved = await app.ToldByAsync(async () => await adminBrowser.PostAsync($"/Admin/Therapists?handler=Approve&id={therapistId}",
            new FormUrlEncodedContent([new("__RequestVerificationToken", await TokenAsync(adminBrowser))])));

        waiting.AssertToldOnly(administrator, NotificationKind.TherapistAwaitingApproval);
        Assert.Equal("/Admin/Therapists", waiting[0].Url);
        var item = Assert.Single(approved);
        Assert.Equal((therapistId, NotificationKind.TherapistApproved), (item.RecipientId, item.Kind));
    }

    private static async Task<string> TokenAsync(HttpClient browser) => await Security.SecurityWorld.TokenAsync(browser, signedIn: true);
}
