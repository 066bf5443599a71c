using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TrustCheckIn.Accounts;

namespace TrustCheckIn.Web.Pages.Account.Manage;

// The account services are the post's alone: building them (stores, validators, token providers) for every look at
// the empty form was about a thirtieth of the page in a profile.
public sealed class ChangePasswordModel : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    [TempData]
    public string? StatusMessage { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync([FromServices] UserManager<AppUser> users, [FromServices] SignInManager<AppUser> signIn)
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        if (await users.GetUserAsync(User) is not { } user)
        {
            return NotFound();
        }

        var result = await users.ChangePasswordAsync(user, Input.CurrentPassword, Input.NewPassword);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                var field = error.Code == nameof(IdentityErrorDescriber.PasswordMismatch) ? "Input.CurrentPassword" : "Input.NewPassword";
                var message = error.Code == nameof(IdentityErrorDescriber.PasswordMismatch) ? "That isn't your current password." : error.Description;
                ModelState.AddModelError(field, message);
            }

            return Page();
        }

        // The password change renewed the security stamp: other devices are signed out, this one stays in.
        await signIn.RefreshSignInAsync(user);
        StatusMessage = "Your password is changed. Other devices will need to sign in again.";
        return RedirectToPage("Index");
    }

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Please enter your current password.")]
        [StringLength(256)]
        [DataType(DataType.Password)]
        [Display(Name = "Current password")]
        public string CurrentPassword { get; set; } = "";

        [Required(ErrorMessage = "Please choose a new password.")]
        [StringLength(256, MinimumLength = AccountLimits.MinimumPasswordLength, ErrorMessage = "Please use at least {2} characters. A short sentence works well.")]
        [DataType(DataType.Password)]
        [Display(Name = "New password")]
        public string NewPassword { get; set; } = "";

        [DataType(DataType.Password)]
        [Display(Name = "New password again")]
        [Compare(nameof(NewPassword), ErrorMessage = "The two passwords don't match.")]
        public string ConfirmPassword { get; set; } = "";
    }
}
