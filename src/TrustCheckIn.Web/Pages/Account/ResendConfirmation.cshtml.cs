using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using TrustCheckIn.Accounts;
using TrustCheckIn.Email;
using TrustCheckIn.Web.Infrastructure;

namespace TrustCheckIn.Web.Pages.Account;

[EnableRateLimiting(RateLimits.AccountRecovery)]
public sealed class ResendConfirmationModel(UserManager<AppUser> users, MailQueue mail, PublicLinks links) : PageModel
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

        if (await users.FindByEmailAsync(Input.Email) is { EmailConfirmed: false } user)
        {
            var token = await users.GenerateEmailConfirmationTokenAsync(user);
            var link = links.Page(Url, "/Account/ConfirmEmail", new { userId = user.Id, code = AccountMail.EncodeToken(token) });
            mail.Enqueue(AccountMail.Confirm(user.Email!, link));
        }

        return RedirectToPage("RegisterConfirmation");
    }
}
