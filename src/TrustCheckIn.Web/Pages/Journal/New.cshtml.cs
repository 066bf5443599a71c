using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TrustCheckIn.Journal;
using TrustCheckIn.Web.Infrastructure;

namespace TrustCheckIn.Web.Pages.Journal;

// Twice the entry's length: a line break arrives as two characters and counts as one, and an entry a little too
// long comes back whole with the journal's own message.
[FormLimit(2 * JournalEntry.TextLength)]
public sealed class NewModel(JournalService journal) : PageModel
{
    [BindProperty]
    public EntryInput Input { get; set; } = new();

    public void OnGet(JournalPrompt? prompt)
    {
        Input.Prompt = prompt is { } p && Enum.IsDefined(p) ? p : null;
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var result = await journal.CreateAsync(User.GetUserId(), Input.ToEntry());
        return await this.RespondAsync(result, id =>
        {
            TempData[ServiceResponses.StatusMessageKey] = "Saved. This entry is yours alone.";
            return RedirectToPage("Entry", new { id });
        }, () => Task.FromResult<IActionResult>(Page()));
    }
}
