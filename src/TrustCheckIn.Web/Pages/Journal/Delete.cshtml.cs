using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TrustCheckIn.Journal;
using TrustCheckIn.Web.Infrastructure;

namespace TrustCheckIn.Web.Pages.Journal;

public sealed class DeleteModel(JournalService journal) : PageModel
{
    public JournalService.EntryView? Entry { get; private set; }

    public string Excerpt => Entry!.Text.Length > JournalService.ExcerptLength
        ? Entry.Text[..JournalService.ExcerptLength] + "…"
        : Entry.Text;

    public async Task<IActionResult> OnGetAsync(int id)
    {
        Entry = await journal.GetAsync(User.GetUserId(), id);
        return Entry is null ? NotFound() : Page();
    }

    public async Task<IActionResult> OnPostAsync(int id) =>
        this.Respond(await journal.DeleteAsync(User.GetUserId(), id), "The entry is deleted.", () => RedirectToPage("Index"));
}
