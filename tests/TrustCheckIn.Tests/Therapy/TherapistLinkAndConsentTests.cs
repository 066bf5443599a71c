using System.Net;
using TrustCheckIn.Tests.Infrastructure;

namespace TrustCheckIn.Tests.Therapy;

public sealed class TherapistLinkAndConsentTests(TestApp app) : IClassFixture<TestApp>
{
    [Fact]
    public async Task PartnerLinksTheTherapistByCodeAndBothSeeThem()
    {
        var (a, b) = await app.CreateCoupleAsync();
        var (_, code, _) = await app.CreateTherapistAsync("Dr Rosa Marsh");
        var aBrowser = await app.SignInAsync(a);

        var linked = await aBrowser.SubmitAndReadAsync(await aBrowser.GetPageAsync("/Couple/Therapist"), "#link-therapist-form", new() { ["Link.Code"] = code.ToLowerInvariant() });
        var bPage = await (await app.SignInAsync(b)).GetPageAsync("/Couple/Therapist");

        Assert.Contains("Your therapist is linked", linked.Text, StringComparison.Ordinal);
        Assert.Contains("Dr Rosa Marsh", bPage.Text, StringComparison.Ordinal);
        Assert.Contains("Calm Waters Practice", bPage.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnUnknownOrUnapprovedCodeIsRefusedNextToTheField()
    {
        var (a, _) = await app.CreateCoupleAsync();
        var pending = await app.CreateUserAsync("Dr Pending", asTherapist: true);
        await app.WithServiceAsync<TrustCheckIn.Common.Result, TrustCheckIn.Therapy.TherapistProfileService>(s => s.SaveProfileAsync(pending.Id, "Dr Pending", "Practice", null));
        var pendingCode = (await app.WithServiceAsync<TrustCheckIn.Therapy.TherapistProfileService.ProfileView?, TrustCheckIn.Therapy.TherapistProfileService>(s => s.GetProfileAsync(pending.Id)))!.LinkCode;
        var aBrowser = await app.SignInAsync(a);

        var unknown = await aBrowser.SubmitAndReadAsync(await aBrowser.GetPageAsync("/Couple/Therapist"), "#link-therapist-form", new() { ["Link.Code"] = "NOPE-NOPE-1" });
        var unapproved = await aBrowser.SubmitAndReadAsync(await aBrowser.GetPageAsync("/Couple/Therapist"), "#link-therapist-form", new() { ["Link.Code"] = pendingCode });

        Assert.Contains("couldn't find a therapist", unknown.Document.QuerySelector("[data-valmsg-for='Link.Code']")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("NOPE-NOPE-1", unknown.Document.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("#Link_Code")!.Value);
        Assert.Contains("couldn't find a therapist", unapproved.Document.QuerySelector("[data-valmsg-for='Link.Code']")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ConsentIsGrantedRevokedAndShownToTheTherapistOnTheNextRequest()
    {
        var (a, b) = await app.CreateCoupleAsync("Ana", "Ben");
        var (therapist, code, key) = await app.CreateTherapistAsync();
        var aBrowser = await app.SignInAsync(a);
        await aBrowser.SubmitAsync(await aBrowser.GetPageAsync("/Couple/Therapist"), "#link-therapist-form", new() { ["Link.Code"] = code });
        var therapistBrowser = await app.SignInWithTwoFactorAsync(therapist, key);

        var before = await therapistBrowser.GetPageAsync("/Therapist");
        var granted = await aBrowser.SubmitAndReadAsync(await aBrowser.GetPageAsync("/Couple/Therapist"), "#consent-form", new()
        {
            ["Input.CheckIns"] = "true",
            ["Input.Start"] = "AllHistory",
        });
        var during = await therapistBrowser.GetPageAsync("/Therapist");
        var bSees = await (await app.SignInAsync(b)).GetPageAsync("/Couple/Therapist");
        var revoked = await aBrowser.SubmitAndReadAsync(granted, "#revoke-consent-form");
        var after = await therapistBrowser.GetPageAsync("/Therapist");

        Assert.Contains("Ana shares nothing", before.Text, StringComparison.Ordinal);
        Assert.Contains("You share weekly check-ins, including all history", granted.Text, StringComparison.Ordinal);
        Assert.Contains("Ana shares weekly check-ins (consent given", during.Text, StringComparison.Ordinal);
        Assert.Contains("Ana shares weekly check-ins.", bSees.Document.QuerySelector("#partner-consent")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("You've stopped sharing", revoked.Text, StringComparison.Ordinal);
        Assert.Contains("Ana shares nothing", after.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ChoosingNothingToShareIsExplainedAndKeepsTheForm()
    {
        var (a, _) = await app.CreateCoupleAsync();
        var (_, code, _) = await app.CreateTherapistAsync();
        var aBrowser = await app.SignInAsync(a);
        await aBrowser.SubmitAsync(await aBrowser.GetPageAsync("/Couple/Therapist"), "#link-therapist-form", new() { ["Link.Code"] = code });

        var page = await aBrowser.SubmitAndReadAsync(await aBrowser.GetPageAsync("/Couple/Therapist"), "#consent-form", new() { ["Input.Start"] = "FromDate", ["Input.From"] = "2026-01-05" });

        Assert.Contains("Choose at least one kind", page.Document.QuerySelector("[data-valmsg-for='Input.CheckIns']")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("2026-01-05", page.Document.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("#Input_From")!.Value);
    }

    [Fact]
    public async Task UnlinkingAndLeavingEndEveryConsent()
    {
        var (a, b) = await app.CreateCoupleAsync("Cal", "Dee");
        var (therapist, code, key) = await app.CreateTherapistAsync();
        var aBrowser = await app.SignInAsync(a);
        var bBrowser = await app.SignInAsync(b);
        await aBrowser.SubmitAsync(await aBrowser.GetPageAsync("/Couple/Therapist"), "#link-therapist-form", new() { ["Link.Code"] = code });
        foreach (var browser in new[] { aBrowser, bBrowser })
        {
            await browser.SubmitAsync(await browser.GetPageAsync("/Couple/Therapist"), "#consent-form", new() { ["Input.CheckIns"] = "true", ["Input.Start"] = "Today" });
        }

        var therapistBrowser = await app.SignInWithTwoFactorAsync(therapist, key);
        var linkedView = await therapistBrowser.GetPageAsync("/Therapist");
        await bBrowser.SubmitAsync(await bBrowser.GetPageAsync("/Couple/Therapist"), "#unlink-therapist-form");
        var unlinkedView = await therapistBrowser.GetPageAsync("/Therapist");
        await aBrowser.SubmitAsync(await aBrowser.GetPageAsync("/Couple/Therapist"), "#link-therapist-form", new() { ["Link.Code"] = code });
        var relinkedView = await therapistBrowser.GetPageAsync("/Therapist");
        await aBrowser.SubmitAsync(await aBrowser.GetPageAsync("/Couple/Leave"), "#leave-form");
        var afterLeaving = await therapistBrowser.GetPageAsync("/Therapist");

        Assert.Contains("Cal shares weekly check-ins", linkedView.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Cal and Dee", unlinkedView.Text, StringComparison.Ordinal);
        Assert.Contains("Cal shares nothing", relinkedView.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Cal and Dee", afterLeaving.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ATherapistWithoutTwoStepSignInIsSentToSetItUp()
    {
        var therapist = await app.CreateUserAsync("Dr No Factor", asTherapist: true);
        var administrator = await app.CreateUserAsync();
        await app.WithServiceAsync<TrustCheckIn.Common.Result, TrustCheckIn.Accounts.TherapistApprovalService>(s => s.DecideAsync(administrator.Id, therapist.Id, approve: true));
        var browser = app.CreateBrowser(followRedirects: false);
        var signIn = await app.SignInAsync(therapist);

        var response = await signIn.GetAsync("/Therapist");
        var anonymous = await browser.GetAsync("/Therapist");

        Assert.Equal("/Account/Manage/TwoFactor", response.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Contains("Therapist accounts need two-step sign-in", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
    }

    [Fact]
    public async Task PartnersCannotOpenTherapistPages()
    {
        var (a, _) = await app.CreateCoupleAsync();

        var response = await (await app.SignInAsync(a)).GetAsync("/Therapist");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }
}
