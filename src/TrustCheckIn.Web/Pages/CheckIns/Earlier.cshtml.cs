using Microsoft.AspNetCore.Mvc.RazorPages;
using TrustCheckIn.CheckIns;
using TrustCheckIn.Web.Infrastructure;

namespace TrustCheckIn.Web.Pages.CheckIns;

// A closed couple is read-only: each former partner reads only their own answers here.
public sealed class EarlierModel(CheckInService checkIns) : PageModel
{
    public EarlierPage Entries { get; private set; } = new([], null);

    public async Task OnGetAsync(int? beforeWeek, int? beforeId)
    {
        var cursor = beforeWeek is { } week && beforeId is { } id ? new EarlierCursor(week, id) : null;
        Entries = await checkIns.ListEarlierAsync(User.GetUserId(), cursor);
    }
}
