using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TrustCheckIn.Accounts;

namespace TrustCheckIn.Web.Pages.Account.Manage;

public sealed class IndexModel(UserManager<AppUser> users) : PageModel
{
    public string DisplayName { get; private set; } = "";

    public string Email { get; private set; } = "";

    public TherapistStatus TherapistStatus { get; private set; }

    [TempData]
    public string? StatusMessage { get; set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (await users.GetUserAsync(User) is not { } user)
        {
            return NotFound();
        }

        (DisplayName, Email, TherapistStatus) = (user.DisplayName, user.Email ?? "", user.TherapistStatus);
        return Page();
    }
}
