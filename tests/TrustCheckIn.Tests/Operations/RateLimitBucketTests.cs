using System.Net;
using TrustCheckIn.Tests.Infrastructure;

namespace TrustCheckIn.Tests.Operations;

public sealed class TwoPostsPerMinuteApp : TestApp
{
    public TwoPostsPerMinuteApp() => WithSensitivePostsPerMinute(2);
}

public sealed class RateLimitBucketTests(TwoPostsPerMinuteApp app) : IClassFixture<TwoPostsPerMinuteApp>
{
    [Fact]
    public async Task UsingUpSignInLeavesRegistrationResetAndCodesTheirOwnAllowance()
    {
        // Every test client has the same (unknown) address: the partner's sign-in uses the first of two.
        var partner = await app.SignInAsync(await app.CreateUserAsync());
        var browser = app.CreateBrowser(followRedirects: false);
        var login = await browser.GetPageAsync("/Account/Login");
        var register = await browser.GetPageAsync("/Account/Register");
        var forgot = await browser.GetPageAsync("/Account/ForgotPassword");
        var signIn = new List<HttpStatusCode>();
        for (var i = 0; i < 2; i++)
        {
            signIn.Add((await browser.SubmitAsync(login, "#login-form", new() { ["Input.Email"] = "someone@example.test", ["Input.Password"] = "wrong password here" })).StatusCode);
        }

        var registration = await browser.SubmitAsync(register, "#register-form", new() { ["Input.DisplayName"] = "Sam", ["Input.Email"] = $"{Guid.NewGuid():N}@example.test", ["Input.Password"] = TestApp.Password, ["Input.ConfirmPassword"] = TestApp.Password });
        var reset = await browser.SubmitAsync(forgot, "#forgot-password-form", new() { ["Input.Email"] = "someone@example.test" });
        var join = await partner.SubmitAsync(await partner.GetPageAsync("/Couple/Join"), "#join-form", new() { ["Input.Code"] = "ABCDEFGHJK" });

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.TooManyRequests], signIn);
        Assert.Equal(HttpStatusCode.Redirect, registration.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, reset.StatusCode);
        Assert.NotEqual(HttpStatusCode.TooManyRequests, join.StatusCode);
    }

    [Fact]
    public async Task OneAddressGetsItsOwnAllowanceWhateverTheClient()
    {
        using var perAccount = new TestApp().WithSetting("RateLimits:PerAccountPerMinute", "2");
        var target = $"{Guid.NewGuid():N}@example.test";
        async Task<HttpStatusCode> SignInAsync(string email)
        {
            var browser = perAccount.CreateBrowser(followRedirects: false);
            var login = await browser.GetPageAsync("/Account/Login");
            return (await browser.SubmitAsync(login, "#login-form", new() { ["Input.Email"] = email, ["Input.Password"] = "wrong password here" })).StatusCode;
        }

        async Task<HttpStatusCode> ResetAsync(string email)
        {
            var browser = perAccount.CreateBrowser(followRedirects: false);
            return (await browser.SubmitAsync(await browser.GetPageAsync("/Account/ForgotPassword"), "#forgot-password-form", new() { ["Input.Email"] = email })).StatusCode;
        }

        var signIns = new[] { await SignInAsync(target), await SignInAsync(target), await SignInAsync(target.ToUpperInvariant()) };
        var otherAddress = await SignInAsync($"{Guid.NewGuid():N}@example.test");
        var resets = new[] { await ResetAsync(target), await ResetAsync(target), await ResetAsync(target) };

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], signIns);
        Assert.Equal(HttpStatusCode.OK, otherAddress);
        Assert.Equal([HttpStatusCode.Redirect, HttpStatusCode.Redirect, HttpStatusCode.TooManyRequests], resets);
    }
}
