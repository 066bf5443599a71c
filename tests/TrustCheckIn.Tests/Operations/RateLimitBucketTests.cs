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
}
