using AngleSharp.Html.Dom;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using TrustCheckIn.Accounts;
using TrustCheckIn.Journal;
using TrustCheckIn.Tests.Infrastructure;

namespace TrustCheckIn.Tests.Journal;

public sealed record SeededJournal(int EntryId, int ReflectionId);

public static class JournalSeed
{
    // The configured administrator e-mail registers once per app; later tests in the class reuse it.
    public static async Task<TestUser> AdministratorAsync(this TestApp app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var existing = await scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>().FindByEmailAsync(app.AdminEmail);
        return existing is null
            ? await app.CreateUserAsync(email: app.AdminEmail)
            : new TestUser(existing.Id, app.AdminEmail, TestApp.Password, existing.DisplayName);
    }

    public static PatternRatings Ratings(int all = 1) => new(all, all, all, all, all, all, all, all, all);

    // An entry, a checklist and this month's reflection, each carrying the canary.
    public static async Task<SeededJournal> WriteEverythingAsync(this TestApp app, TestUser author, string canary)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var journal = scope.ServiceProvider.GetRequiredService<JournalService>();
        var reflections = scope.ServiceProvider.GetRequiredService<ReflectionService>();
        var entry = await journal.CreateAsync(author.Id, new(JournalPrompt.Doubts, $"Tonight I wrote about {canary}-entry and my worries.", true));
        await journal.SaveChecklistAsync(author.Id, $"honesty\n{canary}-value", $"{canary}-boundary: an evening to myself");
        var reflection = await reflections.SaveThisMonthAsync(author.Id, new(Ratings(3), $"{canary}-note about this month", true));
        return new SeededJournal(entry.Value, reflection.Value);
    }

    public static async Task<int> WriteEntryAsync(this TestApp app, TestUser author, string text, JournalPrompt? prompt = null)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<JournalService>().CreateAsync(author.Id, new(prompt, text, false));
        return result.Value;
    }

    // Posts to any URL with an antiforgery token taken from the person's own page, as a crafted form would.
    public static async Task<HttpResponseMessage> PostWithOwnTokenAsync(this HttpClient browser, string url, Dictionary<string, string>? values = null)
    {
        var page = await browser.GetPageAsync("/Journal/New");
        page.Document.QuerySelector<IHtmlFormElement>("#entry-form")!.SetAttribute("action", url);
        return await browser.SubmitAsync(page, "#entry-form", values ?? new() { ["Input.Text"] = "overwritten by someone else" });
    }
}
