using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using TrustCheckIn.Accounts;
using TrustCheckIn.Web.Infrastructure;

namespace TrustCheckIn.Web.Pages.Account;

[EnableRateLimiting(RateLimits.SignIn)]
public sealed class LoginModel(SignInManager<AppUser> signIn, UserManager<AppUser> users, AccountRateLimits accountLimits, ILogger<LoginModel> logger) : PageModel
{
    // One message for unknown e-mail, wrong password and a paused account: nobody learns who has an account.
    public const string FailureMessage =
        "We couldn't sign you in with those details. After several unsuccessful tries, sign-in pauses for 15 minutes; you can also reset your password.";

    [BindProperty]
    public InputModel Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public bool NeedsConfirmation { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        if (!accountLimits.TryAcquire(RateLimits.SignIn, Input.Email))
        {
            return AccountRateLimits.TooMany(Response);
        }

        var result = await signIn.PasswordSignInAsync(Input.Email, Input.Password, Input.RememberMe, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/");
        }

        if (result.RequiresTwoFactor)
        {
            return RedirectToPage("LoginWith2fa", new { ReturnUrl, Input.RememberMe });
        }

        if (result.IsLockedOut)
        {
            logger.LogWarning("Sign-in refused for a locked-out account");
        }

        // Identity refuses unconfirmed accounts before it checks the password; say so only to the owner.
        if (result.IsNotAllowed && await users.FindByEmailAsync(Input.Email) is { } user && await users.CheckPasswordAsync(user, Input.Password))
        {
            NeedsConfirmation = true;
            return Page();
        }

        ModelState.AddModelError("", FailureMessage);
        return Page();
    }

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Please enter your e-mail address.")]
        [EmailAddress(ErrorMessage = "That doesn't look like an e-mail address.")]
        [StringLength(256)]
        [Display(Name = "E-mail")]
        public string Email { get; set; } = "";

        [Required(ErrorMessage = "Please enter your password.")]
        [StringLength(256)]
        [DataType(DataType.Password)]
        [Display(Name = "Password")]
        public string Password { get; set; } = "";

        [Display(Name = "Keep me signed in on this device")]
        public bool RememberMe { get; set; }
    }
}
