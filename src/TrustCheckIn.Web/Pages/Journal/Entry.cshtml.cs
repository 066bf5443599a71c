using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TrustCheckIn.Journal;
using TrustCheckIn.Web.Infrastructure;

namespace TrustCheckIn.Web.Pages.Journal;

public sealed class EntryModel(JournalService journal) : PageModel
{
    public JournalService.EntryView? Entry { get; private set; }

    [TempData]
    public string? StatusMessage { get; set; }

    // 404 for anyone but the author, so another person's entry ids reveal nothing.
    public async Task<IActionResult> OnGetAsync(int id)
    {
        Entry = await journal.GetAsync(User.GetUserId(), id);
        return Entry is null ? NotFound() : Page();
    }

    public async Task<IActionResult> OnPostShareAsync(int id, bool shareable) =>
        this.Respond(await journal.SetShareableAsync(User.GetUserId(), id, shareable), shareable
            ? "Marked shareable. A therapist could read it only if you give them access to journal entries."
            : "This entry is just for you again.", () => RedirectToPage(new { id }));
}
