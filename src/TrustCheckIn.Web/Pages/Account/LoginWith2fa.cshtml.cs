using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using TrustCheckIn.Accounts;
using TrustCheckIn.Web.Infrastructure;

namespace TrustCheckIn.Web.Pages.Account;

[EnableRateLimiting(RateLimits.SignIn)]
public sealed class LoginWith2faModel(SignInManager<AppUser> signIn) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool RememberMe { get; set; }

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

        var result = await signIn.TwoFactorAuthenticatorSignInAsync(Input.Code, RememberMe, rememberClient: false);
        if (result.Succeeded)
        {
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/");
        }

        ModelState.AddModelError("Input.Code", result.IsLockedOut
            ? LoginModel.FailureMessage
            : "That code didn't work. Codes change every 30 seconds and each works once: please wait for the next one.");
        return Page();
    }

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Please enter the 6-digit code from your authenticator app.")]
        [StringLength(7, MinimumLength = 6, ErrorMessage = "The code has 6 digits.")]
        [Display(Name = "Code from your authenticator app")]
        public string Code { get; set; } = "";
    }
}
