using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using TrustCheckIn.Accounts;
using TrustCheckIn.Data;
using TrustCheckIn.Tests.Infrastructure;

namespace TrustCheckIn.Tests.Security;

public sealed class PersonalDataTests(TestApp app) : IClassFixture<TestApp>
{
    [Fact]
    public void EveryEntityIsExportedOrExcludedWithAReasonAndHasAnErasureRule()
    {
        using var scope = app.Services.CreateScope();
        var entityTypes = scope.ServiceProvider.GetRequiredService<AppDbContext>().Model.GetEntityTypes()
            .Where(t => !t.IsOwned())
            .Select(t => t.ClrType)
            .ToList();

        var missing = entityTypes.Where(t => !PersonalData.Rules.ContainsKey(t)).Select(t => t.Name).ToList();
        var incomplete = PersonalData.Rules
            .Where(r => (r.Value.Export is null && string.IsNullOrWhiteSpace(r.Value.NotExportedBecause))
                || (r.Value.Erase is null && string.IsNullOrWhiteSpace(r.Value.KeptBecause)))
            .Select(r => r.Key.Name)
            .ToList();

        Assert.True(entityTypes.Count >= 12, $"Only {entityTypes.Count} entity types found.");
        Assert.Empty(missing);
        Assert.Empty(incomplete);
    }

    [Fact]
    public async Task DownloadHoldsMyAccountAndCouple()
    {
        var (a, _) = await app.CreateCoupleAsync("Mara Export", "Noor Export");
        var browser = await app.SignInAsync(a);

        var response = await browser.GetAsync("/Account/Manage/PersonalData?handler=Download");
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var data = json.RootElement.GetProperty("data");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal(a.Email, data.GetProperty("account")[0].GetProperty("Email").GetString());
        Assert.Equal("Noor Export", data.GetProperty("couples")[0].GetProperty("Partner").GetString());
        Assert.False(data.TryGetProperty("sign-in secrets", out _));
    }

    [Fact]
    public async Task DeletingTheAccountEndsSessionsClosesTheCoupleAndLeavesNoTraceInTheFile()
    {
        var canary = $"Canary{Guid.NewGuid():N}";
        var (a, b) = await app.CreateCoupleAsync(canary, "Partner Stays");
        var aBrowser = await app.SignInAsync(a);
        var aElsewhere = await app.SignInAsync(a);
        var bBrowser = await app.SignInAsync(b);

        var wrong = await aBrowser.SubmitAndReadAsync(await aBrowser.GetPageAsync("/Account/Manage/DeleteAccount"), "#delete-account-form", new() { ["Input.Password"] = "not my password at all" });
        var deleted = await aBrowser.SubmitAndReadAsync(await aBrowser.GetPageAsync("/Account/Manage/DeleteAccount"), "#delete-account-form", new() { ["Input.Password"] = a.Password });
        var elsewhereNext = await aElsewhere.GetPageAsync("/Account/Manage");
        var partnerHome = await bBrowser.GetPageAsync("/");
        var stranger = app.CreateBrowser();
        var signInAgain = await stranger.SubmitAndReadAsync(await stranger.GetPageAsync("/Account/Login"), "#login-form", new() { ["Input.Email"] = a.Email, ["Input.Password"] = a.Password });

        Assert.Contains("That isn't your password", wrong.Text, StringComparison.Ordinal);
        Assert.Contains("Your account is deleted", deleted.Text, StringComparison.Ordinal);
        Assert.Equal("/Account/Login", elsewhereNext.Url.AbsolutePath);
        Assert.Contains("Invite my partner", partnerHome.Text, StringComparison.Ordinal);
        Assert.NotNull(signInAgain.Document.QuerySelector("#login-form"));
        Assert.Empty(StoredFiles.LeftInDatabaseFiles(app, [canary, a.Email]));
    }
}
