using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TrustCheckIn.Couples;
using TrustCheckIn.Web.Infrastructure;

namespace TrustCheckIn.Web.Pages.Couple;

public sealed class LeaveModel(CoupleService couples) : PageModel
{
    public CoupleService.CoupleView? Couple { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        Couple = await couples.GetActiveAsync(User.GetUserId());
        return Couple is null ? NotFound() : Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var result = await couples.LeaveAsync(User.GetUserId());
        if (!result.Succeeded)
        {
            return NotFound();
        }

        TempData["StatusMessage"] = "You've left the couple. What you wrote stays yours to read and export.";
        return RedirectToPage("/Index");
    }
}
