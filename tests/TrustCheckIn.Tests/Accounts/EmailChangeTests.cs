using TrustCheckIn.Tests.Infrastructure;

namespace TrustCheckIn.Tests.Accounts;

public sealed class EmailChangeTests(TestApp app) : IClassFixture<TestApp>
{
    [Fact]
    public async Task NewEmailTakesEffectOnlyOnceItsLinkIsOpened()
    {
        var user = await app.CreateUserAsync();
        var browser = await app.SignInAsync(user);
        var newEmail = $"{Guid.NewGuid():N}@example.test";

        var requested = await browser.SubmitAndReadAsync(await browser.GetPageAsync("/Account/Manage/Email"), "#change-email-form", new() { ["Input.Email"] = newEmail });
        var stillOld = await browser.GetPageAsync("/Account/Manage");
        var confirmPage = await browser.GetPageAsync(TestApp.LinkIn(Assert.Single(app.MailTo(newEmail)), "/Account/ConfirmEmailChange"));
        var confirmed = await browser.SubmitAndReadAsync(confirmPage, "#confirm-email-change-form");
        var withNew = await app.SignInAsync(user with { Email = newEmail });
        var account = await withNew.GetPageAsync("/Account/Manage");

        Assert.Contains("We've sent a link to the new address", requested.Text, StringComparison.Ordinal);
        Assert.Contains(user.Email, stillOld.Text, StringComparison.Ordinal);
        Assert.Contains("your e-mail is changed", confirmed.Text, StringComparison.Ordinal);
        Assert.Contains(newEmail, account.Text, StringComparison.Ordinal);
    }
}
