using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using TrustCheckIn.Accounts;
using TrustCheckIn.Web.Infrastructure;

namespace TrustCheckIn.Web.Pages.Account;

[EnableRateLimiting(RateLimits.AccountRecovery)]
public sealed class ResetPasswordModel(UserManager<AppUser> users) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public IActionResult OnGet(string? code)
    {
        if (code is null)
        {
            return BadRequest();
        }

        Input.Code = code;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var user = await users.FindByEmailAsync(Input.Email);
        var token = AccountMail.DecodeToken(Input.Code);
        if (user is null)
        {
            // Unknown address: the same answer as success.
            return RedirectToPage("ResetPasswordConfirmation");
        }

        var result = token is null
            ? IdentityResult.Failed(users.ErrorDescriber.InvalidToken())
            : await users.ResetPasswordAsync(user, token, Input.Password);
        if (result.Succeeded)
        {
            return RedirectToPage("ResetPasswordConfirmation");
        }

        foreach (var error in result.Errors)
        {
            var message = error.Code == nameof(IdentityErrorDescriber.InvalidToken)
                ? "This reset link has expired or was already used. Please ask for a new one."
                : error.Description;
            ModelState.AddModelError(error.Code.Contains("Password", StringComparison.Ordinal) ? "Input.Password" : "", message);
        }

        return Page();
    }

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Please enter your e-mail address.")]
        [EmailAddress(ErrorMessage = "That doesn't look like an e-mail address.")]
        [StringLength(256)]
        [Display(Name = "E-mail")]
        public string Email { get; set; } = "";

        [Required(ErrorMessage = "Please choose a password.")]
        [StringLength(256, MinimumLength = AccountLimits.MinimumPasswordLength, ErrorMessage = "Please use at least {2} characters. A short sentence works well.")]
        [DataType(DataType.Password)]
        [Display(Name = "New password")]
        public string Password { get; set; } = "";

        [DataType(DataType.Password)]
        [Display(Name = "New password again")]
        [Compare(nameof(Password), ErrorMessage = "The two passwords don't match.")]
        public string ConfirmPassword { get; set; } = "";

        [Required]
        public string Code { get; set; } = "";
    }
}
