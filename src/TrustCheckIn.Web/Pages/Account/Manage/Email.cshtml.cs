using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TrustCheckIn.Accounts;
using TrustCheckIn.Email;
using TrustCheckIn.Web.Infrastructure;

namespace TrustCheckIn.Web.Pages.Account.Manage;

public sealed class EmailModel(UserManager<AppUser> users, IEmailSender email, PublicLinks links) : PageModel
{
    [BindProperty]
    public EmailInput Input { get; set; } = new();

    public string CurrentEmail { get; private set; } = "";

    [TempData]
    public string? StatusMessage { get; set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (await users.GetUserAsync(User) is not { } user)
        {
            return NotFound();
        }

        CurrentEmail = user.Email ?? "";
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (await users.GetUserAsync(User) is not { } user)
        {
            return NotFound();
        }

        CurrentEmail = user.Email ?? "";
        if (!ModelState.IsValid)
        {
            return Page();
        }

        if (string.Equals(Input.Email, CurrentEmail, StringComparison.OrdinalIgnoreCase))
        {
            ModelState.AddModelError("Input.Email", "That is already your e-mail address.");
            return Page();
        }

        // The address changes only once its owner opens the link; until then nothing changes.
        var token = await users.GenerateChangeEmailTokenAsync(user, Input.Email);
        var link = links.Page("/Account/ConfirmEmailChange", new { userId = user.Id, email = Input.Email, code = AccountMail.EncodeToken(token) });
        await email.SendAsync(AccountMail.ConfirmNewEmail(Input.Email, link));
        StatusMessage = "We've sent a link to the new address. Your e-mail changes once you open it.";
        return RedirectToPage("Index");
    }
}
