using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TrustCheckIn.Notifications;
using TrustCheckIn.Web.Infrastructure;

namespace TrustCheckIn.Web.Pages.Notifications;

public sealed class IndexModel(NotificationService notifications) : PageModel
{
    public NotificationService.ListPage List { get; private set; } = new([], 1, false);

    [TempData]
    public string? StatusMessage { get; set; }

    // "p", not "page": Razor Pages keeps the "page" route value for the page's own path.
    public async Task OnGetAsync(int p = 1) => List = await notifications.ListAsync(User.GetUserId(), p);

    // A button, not a link: opening marks the item read, and a GET never changes anything.
    public async Task<IActionResult> OnPostOpenAsync(int id)
    {
        var opened = await notifications.OpenAsync(User.GetUserId(), id);
        return opened.Succeeded ? LocalRedirect(opened.Value) : NotFound();
    }

    public async Task<IActionResult> OnPostReadAllAsync() =>
        this.Respond(await notifications.MarkAllReadAsync(User.GetUserId()), "Everything here is marked as read.", () => RedirectToPage());
}
