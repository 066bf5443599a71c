using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using TrustCheckIn.Accounts;
using TrustCheckIn.Tests.Infrastructure;

namespace TrustCheckIn.Tests.Accounts;

public sealed class RegistrationTests(TestApp app) : IClassFixture<TestApp>
{
    [Fact]
    public async Task PersonRegistersConfirmsThroughTheOutboxMailAndSignsIn()
    {
        var browser = app.CreateBrowser();
        var email = $"{Guid.NewGuid():N}@example.test";

        var register = await browser.GetPageAsync("/Account/Register");
        var sent = await browser.SubmitAndReadAsync(register, "#register-form", new()
        {
            ["Input.DisplayName"] = "Robin",
            ["Input.Email"] = email,
            ["Input.Password"] = TestApp.Password,
            ["Input.ConfirmPassword"] = TestApp.Password,
        });
        app.WaitForBackgroundWork();
        var beforeConfirming = await browser.SubmitAndReadAsync(await browser.GetPageAsync("/Account/Login"), "#login-form", new()
        {
            ["Input.Email"] = email,
            ["Input.Password"] = TestApp.Password,
        });
        var mail = Assert.Single(app.MailTo(email));
        var confirmPage = await browser.GetPageAsync(TestApp.LinkIn(mail, "/Account/ConfirmEmail"));
        var confirmed = await browser.SubmitAndReadAsync(confirmPage, "#confirm-email-form");
        var signedIn = await browser.SubmitAndReadAsync(await browser.GetPageAsync("/Account/Login"), "#login-form", new()
        {
            ["Input.Email"] = email,
            ["Input.Password"] = TestApp.Password,
        });

        Assert.Contains("Check your e-mail", sent.Text, StringComparison.Ordinal);
        Assert.Contains("Please confirm your e-mail first", beforeConfirming.Text, StringComparison.Ordinal);
        Assert.Contains("your e-mail is confirmed", confirmed.Text, StringComparison.Ordinal);
        Assert.Equal("/", signedIn.Url.AbsolutePath);
        Assert.Contains("Invite my partner", signedIn.Text, StringComparison.Ordinal);
        Assert.Null(signedIn.Document.QuerySelector("#login-form"));
    }

    [Fact]
    public async Task ShortPasswordIsRefusedNextToTheFieldAndTheRestIsKept()
    {
        var browser = app.CreateBrowser();

        var page = await browser.SubmitAndReadAsync(await browser.GetPageAsync("/Account/Register"), "#register-form", new()
        {
            ["Input.DisplayName"] = "Sam Typed This",
            ["Input.Email"] = "sam-kept@example.test",
            ["Input.Password"] = "short",
            ["Input.ConfirmPassword"] = "short",
        });

        Assert.Equal(HttpStatusCode.OK, page.Response.StatusCode);
        Assert.Contains("at least 12 characters", page.Document.QuerySelector("[data-valmsg-for='Input.Password']")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Sam Typed This", page.Document.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("#Input_DisplayName")!.Value);
        Assert.Equal("sam-kept@example.test", page.Document.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("#Input_Email")!.Value);
    }

    [Fact]
    public async Task TwelveCharactersWithoutCompositionRulesAreEnough()
    {
        var browser = app.CreateBrowser();
        var email = $"{Guid.NewGuid():N}@example.test";

        var page = await browser.SubmitAndReadAsync(await browser.GetPageAsync("/Account/Register"), "#register-form", new()
        {
            ["Input.DisplayName"] = "Kim",
            ["Input.Email"] = email,
            ["Input.Password"] = "aaaaaaaaaaaa",
            ["Input.ConfirmPassword"] = "aaaaaaaaaaaa",
        });

        Assert.Contains("Check your e-mail", page.Text, StringComparison.Ordinal);
        Assert.Single(app.MailTo(email));
    }

    [Fact]
    public async Task RegisteringAnExistingEmailLooksTheSameAndWarnsTheOwner()
    {
        var existing = await app.CreateUserAsync();
        var browser = app.CreateBrowser();

        var page = await browser.SubmitAndReadAsync(await browser.GetPageAsync("/Account/Register"), "#register-form", new()
        {
            ["Input.DisplayName"] = "Someone",
            ["Input.Email"] = existing.Email,
            ["Input.Password"] = TestApp.Password,
            ["Input.ConfirmPassword"] = TestApp.Password,
        });

        Assert.Equal("/Account/RegisterConfirmation", page.Url.AbsolutePath);
        Assert.Contains("already has one", Assert.Single(app.MailTo(existing.Email)).TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TherapistIsPendingUntilTheAdministratorApproves()
    {
        var therapistEmail = $"{Guid.NewGuid():N}@example.test";
        var therapist = await app.CreateUserAsync("Dr Lane", asTherapist: true, email: therapistEmail);
        var admin = await app.CreateUserAsync("Admin", email: app.AdminEmail);
        var therapistBrowser = await app.SignInAsync(therapist);
        var adminBrowser = await app.SignInAsync(admin);

        var pendingHome = await therapistBrowser.GetPageAsync("/");
        var pendingRoles = await RolesOfAsync(therapist);
        var adminPage = await adminBrowser.GetPageAsync("/Admin/Therapists");
        var approveForm = adminPage.Document.QuerySelectorAll("form").First(f => f.GetAttribute("action")!.Contains(therapist.Id, StringComparison.Ordinal) && f.GetAttribute("action")!.Contains("Approve", StringComparison.Ordinal));
        approveForm.Id = "approve-form";
        var afterApproval = await adminBrowser.SubmitAndReadAsync(adminPage, "#approve-form");
        var approvedHome = await therapistBrowser.GetPageAsync("/");

        Assert.Contains("waiting for the administrator", pendingHome.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(Roles.Therapist, pendingRoles);
        Assert.DoesNotContain(Roles.Partner, pendingRoles);
        Assert.Contains("Dr Lane", adminPage.Text, StringComparison.Ordinal);
        Assert.Contains("Approved", afterApproval.Text, StringComparison.Ordinal);
        Assert.Contains(Roles.Therapist, await RolesOfAsync(therapist));
        Assert.Contains("Couples who link to you", approvedHome.Text, StringComparison.Ordinal);
    }

    private async Task<IList<string>> RolesOfAsync(TestUser user)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        return await users.GetRolesAsync((await users.FindByIdAsync(user.Id))!);
    }
}
