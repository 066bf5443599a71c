using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using TrustCheckIn.Notifications;
using TrustCheckIn.Web.Infrastructure;

namespace TrustCheckIn.Web.Pages.Notifications;

// Open without signing in (the link comes from an e-mail); the signed token is the only key. A GET only asks.
[EnableRateLimiting(RateLimits.Codes)]
public sealed class UnsubscribeModel(NotificationSettingsService settings) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Token { get; set; }

    public NotificationSettingsService.UnsubscribeView? View { get; private set; }

    [TempData]
    public string? StatusMessage { get; set; }

    public async Task<IActionResult> OnGetAsync()
    {
        View = await settings.ReadUnsubscribeAsync(Token);
        return View is null ? NotFound() : Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!(await settings.UnsubscribeAsync(Token)).Succeeded)
        {
            return NotFound();
        }

        StatusMessage = "Done. You won't get these e-mails any more.";
        return RedirectToPage(new { token = Token });
    }
}
