using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TrustCheckIn.Feelings;
using TrustCheckIn.Web.Infrastructure;

namespace TrustCheckIn.Web.Pages.Feelings;

public sealed class IndexModel(FeelingService feelings) : PageModel
{
    public FeelingService.ListPage List { get; private set; } = null!;

    public bool CanWrite { get; private set; }

    [TempData]
    public string? StatusMessage { get; set; }

    // "page" is a route value Razor Pages keeps for itself, hence pageNumber.
    public async Task OnGetAsync(FeelingList list = FeelingList.Drafts, int pageNumber = 1)
    {
        var userId = User.GetUserId();
        List = await feelings.ListAsync(userId, Enum.IsDefined(list) ? list : FeelingList.Drafts, pageNumber);
        CanWrite = await feelings.CanWriteAsync(userId);
    }

    public static string Title(FeelingList list) => list switch
    {
        FeelingList.Drafts => "My drafts",
        FeelingList.SharedByMe => "Shared by me",
        _ => "Shared with me",
    };
}
