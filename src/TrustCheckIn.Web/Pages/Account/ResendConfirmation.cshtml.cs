using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using TrustCheckIn.Couples;
using TrustCheckIn.Operations;
using TrustCheckIn.Web.Infrastructure;

namespace TrustCheckIn.Web.Pages.Account;

[EnableRateLimiting(RateLimits.AccountRecovery)]
public sealed class ResendConfirmationModel(BackgroundQueue queue, AccountRateLimits accountLimits, CoupleService couples) : PageModel
{
    [BindProperty]
    public EmailInput Input { get; set; } = new();

    // The invitation someone registered through: the new link still ends on Join.
    [BindProperty(SupportsGet = true)]
    public string? Invite { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
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
        var invite = (await AccountJobs.ReadInvitationAsync(couples, Invite))?.Code;
        queue.Enqueue(AccountJobs.ResendConfirmation(Input.Email, invite));
        return RedirectToPage("RegisterConfirmation", new { invite });
    }
}
