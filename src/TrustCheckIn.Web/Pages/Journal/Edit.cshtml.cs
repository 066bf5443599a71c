using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TrustCheckIn.Journal;
using TrustCheckIn.Web.Infrastructure;

namespace TrustCheckIn.Web.Pages.Journal;

// Twice the entry's length: a line break arrives as two characters and counts as one, and an entry a little too
// long comes back whole with the journal's own message.
[FormLimit(2 * JournalEntry.TextLength)]
public sealed class EditModel(JournalService journal) : PageModel
{
    [BindProperty]
    public EntryInput Input { get; set; } = new();

    public int Id { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id)
    {
        var entry = await journal.GetAsync(User.GetUserId(), id);
        if (entry is null)
        {
            return NotFound();
        }

        Id = id;
        Input = EntryInput.From(entry);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id)
    {
        Id = id;
        if (!ModelState.IsValid)
        {
            return await journal.GetAsync(User.GetUserId(), id) is null ? NotFound() : Page();
        }

        var result = await journal.UpdateAsync(User.GetUserId(), id, Input.ToEntry());
        return await this.RespondAsync(result, () =>
        {
            TempData[ServiceResponses.StatusMessageKey] = "Your changes are saved.";
            return RedirectToPage("Entry", new { id });
        }, () => Task.FromResult<IActionResult>(Page()));
    }
}
