using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using TrustCheckIn.Reminders;
using TrustCheckIn.Web.Infrastructure;

namespace TrustCheckIn.Web.Pages.Reminders;

// Open without signing in (the link comes from an e-mail); the signed token is the only key. A GET only asks.
[EnableRateLimiting(RateLimits.Codes)]
public sealed class UnsubscribeModel(ReminderService reminders) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Token { get; set; }

    public ReminderService.UnsubscribeView? View { get; private set; }

    [TempData]
    public string? StatusMessage { get; set; }

    public string KindName => View?.Kind == ReminderKind.CheckIn ? "weekly check-in reminders" : "expectations review reminders";

    public async Task<IActionResult> OnGetAsync()
    {
        View = await reminders.ReadUnsubscribeAsync(Token);
        return View is null ? NotFound() : Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var result = await reminders.UnsubscribeAsync(Token);
        if (!result.Succeeded)
        {
            return NotFound();
        }

        StatusMessage = "Done. You won't get these e-mails any more.";
        return RedirectToPage(new { token = Token });
    }
}
