using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using TrustCheckIn.Accounts;
using TrustCheckIn.Web.Infrastructure;

namespace TrustCheckIn.Web.Pages.Account;

[EnableRateLimiting(RateLimits.SignIn)]
public sealed class LoginWithRecoveryCodeModel(SignInManager<AppUser> signIn) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public async Task<IActionResult> OnGetAsync() =>
        await signIn.GetTwoFactorAuthenticationUserAsync() is null ? RedirectToPage("Login") : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        if (await signIn.GetTwoFactorAuthenticationUserAsync() is null)
        {
            return RedirectToPage("Login");
        }

        var result = await signIn.TwoFactorRecoveryCodeSignInAsync(Input.RecoveryCode.Replace(" ", "", StringComparison.Ordinal));
        if (result.Succeeded)
        {
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/");
        }

        ModelState.AddModelError("Input.RecoveryCode", "That recovery code didn't work. Each code works once.");
        return Page();
    }

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Please enter one of your recovery codes.")]
        [StringLength(32)]
        [Display(Name = "Recovery code")]
        public string RecoveryCode { get; set; } = "";
    }
}
