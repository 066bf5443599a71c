using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TrustCheckIn.Journal;
using TrustCheckIn.Web.Infrastructure;

namespace TrustCheckIn.Web.Pages.Journal;

public sealed class ChecklistModel(JournalService journal) : PageModel
{
    public JournalService.ChecklistView? Checklist { get; private set; }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    [TempData]
    public string? StatusMessage { get; set; }

    public async Task OnGetAsync()
    {
        Checklist = await journal.GetChecklistAsync(User.GetUserId());
        if (Checklist is not null)
        {
            Input = new InputModel { CoreValues = string.Join('\n', Checklist.CoreValues), Boundaries = Checklist.Boundaries };
        }
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var result = await journal.SaveChecklistAsync(User.GetUserId(), Input.CoreValues, Input.Boundaries);
        return await this.RespondAsync(result, () =>
        {
            StatusMessage = "Saved. Your values and boundaries are up to date.";
            return RedirectToPage();
        }, async () =>
        {
            Checklist = await journal.GetChecklistAsync(User.GetUserId());
            return Page();
        });
    }

    public async Task<IActionResult> OnPostRevisitedAsync() =>
        this.Respond(await journal.MarkChecklistRevisitedAsync(User.GetUserId()), "Noted. Checking in with yourself is worth doing.", () => RedirectToPage());

    public sealed class InputModel
    {
        [Display(Name = "My core values")]
        public string? CoreValues { get; set; }

        [Display(Name = "My boundaries")]
        public string? Boundaries { get; set; }
    }
}
