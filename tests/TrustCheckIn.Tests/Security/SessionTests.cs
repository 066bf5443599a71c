using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using TrustCheckIn.Accounts;
using TrustCheckIn.Tests.Infrastructure;

namespace TrustCheckIn.Tests.Security;

public sealed class SessionTests(TestApp app) : IClassFixture<TestApp>
{
    private string CodeNow(string key) => Totp.Compute(key, Totp.TimeStepAt(app.Clock.GetUtcNow())).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);

    private static async Task<bool> IsSignedInAsync(HttpClient browser) =>
        (await browser.GetPageAsync("/Account/Manage")).Url.AbsolutePath == "/Account/Manage";

    private async Task<(TestUser User, HttpClient Here, HttpClient[] Elsewhere)> ThreeSessionsAsync()
    {
        var user = await app.CreateUserAsync();
        return (user, await app.SignInAsync(user), [await app.SignInAsync(user), await app.SignInAsync(user)]);
    }

    [Fact]
    public async Task ChangingThePasswordRefusesEveryOtherCookieOnItsNextRequest()
    {
        var (user, here, elsewhere) = await ThreeSessionsAsync();

        await here.SubmitAsync(await here.GetPageAsync("/Account/Manage/ChangePassword"), "#change-password-form", new()
        {
            ["Input.CurrentPassword"] = user.Password,
            ["Input.NewPassword"] = "a different calm passphrase",
            ["Input.ConfirmPassword"] = "a different calm passphrase",
        });

        Assert.True(await IsSignedInAsync(here));
        foreach (var other in elsewhere)
        {
            Assert.False(await IsSignedInAsync(other));
        }
    }

    [Fact]
    public async Task TurningTwoStepSignInOnRefusesEveryOtherCookie()
    {
        var (_, here, elsewhere) = await ThreeSessionsAsync();

        var setUp = await here.GetPageAsync("/Account/Manage/EnableAuthenticator");
        var key = setUp.Document.QuerySelector("#shared-key")!.TextContent.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
        var done = await here.SubmitAndReadAsync(setUp, "#enable-authenticator-form", new() { ["Input.Code"] = CodeNow(key) });

        Assert.Equal("/Account/Manage/ShowRecoveryCodes", done.Url.AbsolutePath);
        Assert.True(await IsSignedInAsync(here));
        foreach (var other in elsewhere)
        {
            Assert.False(await IsSignedInAsync(other));
        }
    }

    [Fact]
    public async Task TurningTwoStepSignInOffRefusesEveryOtherCookieAndEndsTherapistAccess()
    {
        var (therapist, _, key) = await app.CreateTherapistAsync();
        var here = await app.SignInWithTwoFactorAsync(therapist, key);
        var elsewhere = await app.SignInWithTwoFactorAsync(therapist, key);

        await here.SubmitAsync(await here.GetPageAsync("/Account/Manage/TwoFactor"), "#disable-2fa-form");
        var therapistPage = await here.GetPageAsync("/Therapist");

        Assert.False(await IsSignedInAsync(elsewhere));
        Assert.True(await IsSignedInAsync(here));
        Assert.Equal("/Account/Manage/TwoFactor", therapistPage.Url.AbsolutePath);
    }

    [Fact]
    public async Task SigningOutRefusesEveryOtherCookie()
    {
        var (_, here, elsewhere) = await ThreeSessionsAsync();

        await here.SubmitAsync(await here.GetPageAsync("/Account/Logout"), "#logout-form");

        Assert.False(await IsSignedInAsync(here));
        foreach (var other in elsewhere)
        {
            Assert.False(await IsSignedInAsync(other));
        }
    }

    [Fact]
    public async Task DeletingTheAccountRefusesEveryCookie()
    {
        var (user, here, elsewhere) = await ThreeSessionsAsync();

        await here.SubmitAsync(await here.GetPageAsync("/Account/Manage/DeleteAccount"), "#delete-account-form", new() { ["Input.Password"] = user.Password });

        Assert.False(await IsSignedInAsync(here));
        foreach (var other in elsewhere)
        {
            Assert.False(await IsSignedInAsync(other));
        }
    }

    [Fact]
    public async Task ARoleGivenOrTakenAwayCountsFromTheNextRequestAndTwoStepSignInIsKept()
    {
        var therapist = await app.CreateUserAsync(asTherapist: true);
        string key;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var user = (await users.FindByIdAsync(therapist.Id))!;
            await users.ResetAuthenticatorKeyAsync(user);
            await users.SetTwoFactorEnabledAsync(user, true);
            key = (await users.GetAuthenticatorKeyAsync(user))!;
        }

        var browser = await app.SignInWithTwoFactorAsync(therapist, key);
        var administrator = await app.CreateUserAsync();

        var pending = await browser.GetAsync("/Therapist");
        await app.WithServiceAsync<TrustCheckIn.Common.Result, TherapistApprovalService>(s => s.DecideAsync(administrator.Id, therapist.Id, approve: true));
        var approved = await browser.GetAsync("/Therapist");
        var stillApproved = await browser.GetAsync("/Therapist");
        await app.WithServiceAsync<IdentityResult, UserManager<AppUser>>(async users => await users.RemoveFromRoleAsync((await users.FindByIdAsync(therapist.Id))!, Roles.Therapist));
        var removed = await browser.GetAsync("/Therapist");

        Assert.Equal(HttpStatusCode.Forbidden, pending.StatusCode);
        Assert.Equal(HttpStatusCode.OK, approved.StatusCode);
        Assert.Equal(HttpStatusCode.OK, stillApproved.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, removed.StatusCode);
    }

    [Fact]
    public async Task TheSignInCookieIsHttpOnlySecureAndSameSite()
    {
        var user = await app.CreateUserAsync();
        var browser = app.CreateBrowser(followRedirects: false);
        var login = await browser.GetPageAsync("/Account/Login");

        var response = await browser.SubmitAsync(login, "#login-form", new() { ["Input.Email"] = user.Email, ["Input.Password"] = user.Password });
        var cookies = response.Headers.GetValues("Set-Cookie").ToList();
        var auth = cookies.Single(c => c.StartsWith("TrustCheckIn.Auth=", StringComparison.Ordinal)).ToLowerInvariant();
        var antiforgery = login.Response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("TrustCheckIn.Antiforgery=", StringComparison.Ordinal)).ToLowerInvariant();

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("httponly", auth, StringComparison.Ordinal);
        Assert.Contains("secure", auth, StringComparison.Ordinal);
        Assert.Matches("samesite=(lax|strict)", auth);
        Assert.Contains("httponly", antiforgery, StringComparison.Ordinal);
        Assert.Contains("secure", antiforgery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ASessionEndsThirtyDaysAfterSignInHoweverOftenItIsUsed()
    {
        var user = await app.CreateUserAsync();
        var browser = await app.SignInAsync(user);
        var stillIn = new List<bool>();

        // Used every ten days: sliding renewal alone would keep it forever.
        foreach (var _ in Enumerable.Range(0, 3))
        {
            app.Clock.Advance(TimeSpan.FromDays(9.9));
            stillIn.Add(await IsSignedInAsync(browser));
        }

        app.Clock.Advance(TimeSpan.FromDays(0.5));
        var afterThirtyDays = await IsSignedInAsync(browser);
        var signInAgain = await IsSignedInAsync(await app.SignInAsync(user));

        Assert.Equal([true, true, true], stillIn);
        Assert.False(afterThirtyDays);
        Assert.True(signInAgain);
    }

    [Fact]
    public async Task AQuietSessionEndsAfterFourteenDays()
    {
        var browser = await app.SignInAsync(await app.CreateUserAsync());

        app.Clock.Advance(TimeSpan.FromDays(14.5));

        Assert.False(await IsSignedInAsync(browser));
    }
}
