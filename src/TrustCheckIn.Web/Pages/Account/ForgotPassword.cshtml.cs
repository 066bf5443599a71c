using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using TrustCheckIn.Accounts;
using TrustCheckIn.Email;
using TrustCheckIn.Web.Infrastructure;

namespace TrustCheckIn.Web.Pages.Account;

[EnableRateLimiting(RateLimits.AccountRecovery)]
public sealed class ForgotPasswordModel(UserManager<AppUser> users, MailQueue mail, PublicLinks links) : PageModel
{
    [BindProperty]
    public EmailInput Input { get; set; } = new();

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        // The same answer whether or not the address has an account.
        if (await users.FindByEmailAsync(Input.Email) is { EmailConfirmed: true } user)
        {
            var token = await users.GeneratePasswordResetTokenAsync(user);
            var link = links.Page(Url, "/Account/ResetPassword", new { code = AccountMail.EncodeToken(token) });
            mail.Enqueue(AccountMail.ResetPassword(user.Email!, link));
        }

        return RedirectToPage("ForgotPasswordConfirmation");
    }
}
