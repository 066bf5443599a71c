using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TrustCheckIn.Accounts;

namespace TrustCheckIn.Web.Pages.Account;

public sealed class ConfirmEmailChangeModel(UserManager<AppUser> users, SignInManager<AppUser> signIn) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? UserId { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Email { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Code { get; set; }

    public bool? Changed { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var token = AccountMail.DecodeToken(Code);
        var user = UserId is null ? null : await users.FindByIdAsync(UserId);
        Changed = false;
        if (user is not null && token is not null && Email is not null && (await users.ChangeEmailAsync(user, Email, token)).Succeeded)
        {
            Changed = (await users.SetUserNameAsync(user, Email)).Succeeded;
            if (User.Identity?.IsAuthenticated == true && users.GetUserId(User) == user.Id)
            {
                await signIn.RefreshSignInAsync(user);
            }
        }

        return Page();
    }
}
