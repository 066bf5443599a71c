using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TrustCheckIn.Expectations;
using TrustCheckIn.Web.Infrastructure;

namespace TrustCheckIn.Web.Pages.Expectations;

public sealed class HistoryModel(ExpectationService expectations) : PageModel
{
    public ExpectationService.HistoryView? History { get; private set; }

    [TempData]
    public string? StatusMessage { get; set; }

    public async Task<IActionResult> OnGetAsync(int p = 0)
    {
        History = await expectations.GetHistoryAsync(User.GetUserId(), p);
        return History is null ? NotFound() : Page();
    }

    public async Task<IActionResult> OnPostRestoreAsync(int id) =>
        this.Respond(await expectations.RestoreAsync(User.GetUserId(), id), "It's back in your table, at the end.", () => RedirectToPage());

    public static string Describe(RevisionKind kind) => kind switch
    {
        RevisionKind.Added => "added a row",
        RevisionKind.Edited => "changed a row",
        RevisionKind.MovedUp => "moved a row up",
        RevisionKind.MovedDown => "moved a row down",
        RevisionKind.Removed => "removed a row",
        RevisionKind.Restored => "brought a row back",
        _ => "changed a row",
    };
}
