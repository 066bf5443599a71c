using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace TrustCheckIn.Web.Pages.Account.Manage;

// Shown once, straight after they are made: only their hashes are kept.
public sealed class ShowRecoveryCodesModel : PageModel
{
    [TempData]
    public string? RecoveryCodes { get; set; }

    public IReadOnlyList<string> Codes { get; private set; } = [];

    public IActionResult OnGet()
    {
        if (string.IsNullOrEmpty(RecoveryCodes))
        {
            return RedirectToPage("TwoFactor");
        }

        Codes = RecoveryCodes.Split('\n');
        return Page();
    }
}
