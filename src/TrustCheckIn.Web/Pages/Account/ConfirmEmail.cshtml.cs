using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TrustCheckIn.Accounts;

namespace TrustCheckIn.Web.Pages.Account;

// The link only shows a button: a GET never changes state, and mail scanners can't use up the link.
public sealed class ConfirmEmailModel(UserManager<AppUser> users) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? UserId { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Code { get; set; }

    public bool? Confirmed { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var token = AccountMail.DecodeToken(Code);
        var user = UserId is null ? null : await users.FindByIdAsync(UserId);
        Confirmed = user is not null && token is not null && (await users.ConfirmEmailAsync(user, token)).Succeeded;
        return Page();
    }
}
