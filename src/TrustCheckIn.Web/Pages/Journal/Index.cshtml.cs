using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TrustCheckIn.Journal;
using TrustCheckIn.Web.Infrastructure;

namespace TrustCheckIn.Web.Pages.Journal;

public sealed class IndexModel(JournalService journal) : PageModel
{
    public JournalService.EntryPage Entries { get; private set; } = new([], 1, false, false, null);

    [TempData]
    public string? StatusMessage { get; set; }

    public async Task OnGetAsync([FromQuery(Name = "p")] int page = 1, [FromQuery(Name = "q")] string? search = null)
    {
        Entries = await journal.ListAsync(User.GetUserId(), page, search);
    }
}
