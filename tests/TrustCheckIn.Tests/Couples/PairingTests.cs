using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using TrustCheckIn.Couples;
using TrustCheckIn.Tests.Infrastructure;

namespace TrustCheckIn.Tests.Couples;

public sealed class PairingTests(TestApp app) : IClassFixture<TestApp>
{
    [Fact]
    public async Task InviteThenAcceptMakesACoupleBothPartnersSee()
    {
        var alex = await app.CreateUserAsync("Alex Rivera");
        var jo = await app.CreateUserAsync("Jo Okafor");
        var alexBrowser = await app.SignInAsync(alex);
        var joBrowser = await app.SignInAsync(jo);

        var invited = await alexBrowser.SubmitAndReadAsync(await alexBrowser.GetPageAsync("/Couple"), "#invite-form", new()
        {
            ["Input.TimeZoneId"] = "Europe/Berlin",
            ["Input.CheckInDay"] = ((int)DayOfWeek.Thursday).ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        var link = invited.Document.QuerySelector("#open-invitations a")!.GetAttribute("href")!;
        var joinPage = await joBrowser.GetPageAsync(link);
        var joined = await joBrowser.SubmitAndReadAsync(joinPage, "#join-form");
        var alexHome = await alexBrowser.GetPageAsync("/");

        Assert.Contains("Alex Rivera", joinPage.Text, StringComparison.Ordinal);
        Assert.Contains("You and Alex Rivera are now a couple", joined.Text, StringComparison.Ordinal);
        Assert.Contains("You and Jo Okafor", alexHome.Text, StringComparison.Ordinal);
        Assert.Contains("Thursday", alexHome.Text, StringComparison.Ordinal);
        Assert.Contains("(Berlin time)", alexHome.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Europe/Berlin", alexHome.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TypedCodeWorksWhateverItsCaseAndSpacing()
    {
        var inviter = await app.CreateUserAsync("Inviter");
        var code = await CreateInvitationAsync(inviter);
        var joiner = await app.SignInAsync(await app.CreateUserAsync());

        var joined = await JoinAsync(joiner, $" {code[..5].ToLowerInvariant()}-{code[5..]} ");

        Assert.Contains("now a couple", joined.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OwnInvitationIsRefused()
    {
        var inviter = await app.CreateUserAsync();
        var code = await CreateInvitationAsync(inviter);

        var page = await JoinAsync(await app.SignInAsync(inviter), code);

        Assert.Contains("This is your own invitation", FieldError(page), StringComparison.Ordinal);
        Assert.Equal(code, page.Document.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("#Input_Code")!.Value);
    }

    [Fact]
    public async Task UnknownCodeIsRefused()
    {
        var page = await JoinAsync(await app.SignInAsync(await app.CreateUserAsync()), "ZZZZZZZZZZ");

        Assert.Contains("couldn't find an invitation", FieldError(page), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExpiredInvitationIsRefused()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var inviter = await app.CreateUserAsync();
        var joiner = await app.CreateUserAsync();
        await using var scope = app.Services.CreateAsyncScope();
        var couples = ActivatorUtilities.CreateInstance<CoupleService>(scope.ServiceProvider, clock);
        var invitation = await couples.CreateInvitationAsync(inviter.Id, new CheckInSchedule("UTC", DayOfWeek.Monday));

        clock.Advance(TimeSpan.FromDays(7) + TimeSpan.FromSeconds(1));
        var result = await couples.AcceptAsync(joiner.Id, invitation.Value!.Code);

        Assert.Equal("This invitation has expired. Ask your partner to create a new one.", result.Error?.Message);
        Assert.Equal("Code", result.Error?.Field);
    }

    [Fact]
    public async Task RevokedInvitationIsRefused()
    {
        var inviter = await app.CreateUserAsync();
        var inviterBrowser = await app.SignInAsync(inviter);
        var invited = await inviterBrowser.SubmitAndReadAsync(await inviterBrowser.GetPageAsync("/Couple"), "#invite-form");
        var code = invited.Document.QuerySelector("#open-invitations .code")!.TextContent;

        var revoked = await inviterBrowser.SubmitAndReadAsync(invited, "#revoke-invitation-form");
        var page = await JoinAsync(await app.SignInAsync(await app.CreateUserAsync()), code);

        Assert.Contains("The invitation is withdrawn", revoked.Text, StringComparison.Ordinal);
        Assert.Contains("This invitation was withdrawn", FieldError(page), StringComparison.Ordinal);
    }

    [Fact]
    public async Task UsedInvitationIsRefused()
    {
        var code = await CreateInvitationAsync(await app.CreateUserAsync());
        await JoinAsync(await app.SignInAsync(await app.CreateUserAsync()), code);

        var page = await JoinAsync(await app.SignInAsync(await app.CreateUserAsync()), code);

        Assert.Contains("already been used", FieldError(page), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SomeoneAlreadyInACoupleCannotJoinAnother()
    {
        var (_, b) = await app.CreateCoupleAsync();
        var code = await CreateInvitationAsync(await app.CreateUserAsync());

        var page = await JoinAsync(await app.SignInAsync(b), code);

        Assert.Contains("You're already in a couple", page.Document.QuerySelector(".validation-summary-errors")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InvitationOfSomeoneNowInACoupleIsRefused()
    {
        var inviter = await app.CreateUserAsync();
        var code = await CreateInvitationAsync(inviter);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var couples = scope.ServiceProvider.GetRequiredService<CoupleService>();
            var other = await app.CreateUserAsync();
            var otherInvitation = await couples.CreateInvitationAsync(other.Id, new CheckInSchedule("UTC", DayOfWeek.Monday));
            await couples.AcceptAsync(inviter.Id, otherInvitation.Value!.Code);
        }

        var page = await JoinAsync(await app.SignInAsync(await app.CreateUserAsync()), code);

        Assert.Equal("The person who made this invitation is now in a couple, so it can no longer be used.", FieldError(page));
    }

    [Fact]
    public async Task InviterInACoupleCannotCreateAnInvitation()
    {
        var (a, _) = await app.CreateCoupleAsync();

        var result = await app.WithServiceAsync<TrustCheckIn.Common.Result<CoupleService.InvitationView>, CoupleService>(
            couples => couples.CreateInvitationAsync(a.Id, new CheckInSchedule("UTC", DayOfWeek.Monday)));

        Assert.False(result.Succeeded);
    }

    [Fact]
    public async Task TwoPeopleAcceptingTheSameInvitationAtOnceMakeOneCouple()
    {
        var code = await CreateInvitationAsync(await app.CreateUserAsync());
        var first = await app.CreateUserAsync();
        var second = await app.CreateUserAsync();

        var results = await Task.WhenAll(
            app.WithServiceAsync<TrustCheckIn.Common.Result<CoupleService.CoupleView>, CoupleService>(c => c.AcceptAsync(first.Id, code)),
            app.WithServiceAsync<TrustCheckIn.Common.Result<CoupleService.CoupleView>, CoupleService>(c => c.AcceptAsync(second.Id, code)));

        Assert.Single(results, r => r.Succeeded);
    }

    [Fact]
    public async Task LeavingClosesTheCoupleForBoth()
    {
        var (a, b) = await app.CreateCoupleAsync("Ari", "Bo");
        var aBrowser = await app.SignInAsync(a);
        var bBrowser = await app.SignInAsync(b);

        var left = await aBrowser.SubmitAndReadAsync(await aBrowser.GetPageAsync("/Couple/Leave"), "#leave-form");
        var bHome = await bBrowser.GetPageAsync("/");
        var leaveAgain = await bBrowser.GetAsync("/Couple/Leave");

        Assert.Contains("You've left the couple", left.Text, StringComparison.Ordinal);
        Assert.Contains("Invite my partner", bHome.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("You and Ari", bHome.Text, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, leaveAgain.StatusCode);
    }

    [Fact]
    public async Task AfterLeavingBothCanPairAgain()
    {
        var (a, b) = await app.CreateCoupleAsync();
        await app.WithServiceAsync<TrustCheckIn.Common.Result, CoupleService>(c => c.LeaveAsync(b.Id));

        var code = await CreateInvitationAsync(a);
        var joined = await JoinAsync(await app.SignInAsync(b), code);

        Assert.Contains("now a couple", joined.Text, StringComparison.Ordinal);
    }

    private async Task<string> CreateInvitationAsync(TestUser inviter)
    {
        var result = await app.WithServiceAsync<TrustCheckIn.Common.Result<CoupleService.InvitationView>, CoupleService>(
            couples => couples.CreateInvitationAsync(inviter.Id, new CheckInSchedule("UTC", DayOfWeek.Monday)));
        return result.Value!.Code;
    }

    private static async Task<HtmlPage> JoinAsync(HttpClient browser, string code) =>
        await browser.SubmitAndReadAsync(await browser.GetPageAsync("/Couple/Join"), "#join-form", new() { ["Input.Code"] = code });

    private static string FieldError(HtmlPage page) =>
        page.Document.QuerySelector("[data-valmsg-for='Input.Code']")?.TextContent ?? "";
}
