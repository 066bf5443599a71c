using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using TrustCheckIn.Operations;
using TrustCheckIn.Web.Infrastructure;

namespace TrustCheckIn.Web.Pages.Account;

[EnableRateLimiting(RateLimits.AccountRecovery)]
public sealed class ResendConfirmationModel(BackgroundQueue queue, AccountRateLimits accountLimits) : PageModel
{
    [BindProperty]
    public EmailInput Input { get; set; } = new();

    public void OnGet()
    {
    }

    public IActionResult OnPost()
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        if (!accountLimits.TryAcquire(RateLimits.AccountRecovery, Input.Email))
        {
            return AccountRateLimits.TooMany(Response);
        }

        // The same answer, in the same time, whether or not the address has an account.
        queue.Enqueue(AccountJobs.ResendConfirmation(Input.Email));
        return RedirectToPage("RegisterConfirmation");
    }
}
