using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TrustCheckIn.Accounts;

namespace TrustCheckIn.Web.Pages.Account.Manage;

public sealed class DeleteAccountModel(UserManager<AppUser> users, SignInManager<AppUser> signIn, PersonalDataService personalData) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        if (await users.GetUserAsync(User) is not { } user)
        {
            return NotFound();
        }

        if (!await users.CheckPasswordAsync(user, Input.Password))
        {
            ModelState.AddModelError("Input.Password", "That isn't your password.");
            return Page();
        }

        await personalData.EraseAsync(user.Id);
        await signIn.SignOutAsync();
        TempData["StatusMessage"] = "Your account is deleted. Thank you for the care you put into it.";
        return RedirectToPage("/Index");
    }

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Please enter your password to confirm.")]
        [StringLength(256)]
        [DataType(DataType.Password)]
        [Display(Name = "Your password")]
        public string Password { get; set; } = "";
    }
}
