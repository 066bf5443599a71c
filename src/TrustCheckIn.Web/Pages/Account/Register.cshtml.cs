using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using TrustCheckIn.Accounts;
using TrustCheckIn.Email;
using TrustCheckIn.Web.Infrastructure;

namespace TrustCheckIn.Web.Pages.Account;

[EnableRateLimiting(RateLimits.Registration)]
public sealed class RegisterModel(AccountService accounts, UserManager<AppUser> users, MailQueue mail, PublicLinks links) : PageModel
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

        var registration = await accounts.RegisterAsync(Input.DisplayName, Input.Email, Input.Password, Input.AsTherapist);
        if (registration.EmailAlreadyRegistered)
        {
            // Same page as a new registration: nobody learns from this form who has an account.
            mail.Enqueue(AccountMail.AlreadyRegistered(Input.Email, Link("/Account/Login", null), Link("/Account/ForgotPassword", null)));
            return RedirectToPage("RegisterConfirmation");
        }

        if (registration.User is not { } user)
        {
            foreach (var error in registration.Errors)
            {
                ModelState.AddModelError(error.Code.Contains("Password", StringComparison.Ordinal) ? "Input.Password" : "", error.Description);
            }

            return Page();
        }

        var token = await users.GenerateEmailConfirmationTokenAsync(user);
        mail.Enqueue(AccountMail.Confirm(user.Email!, Link("/Account/ConfirmEmail", new { userId = user.Id, code = AccountMail.EncodeToken(token) })));
        return RedirectToPage("RegisterConfirmation");
    }

    private string Link(string page, object? values) => links.Page(Url, page, values);

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Please tell us what to call you.")]
        [StringLength(AccountLimits.DisplayNameLength, ErrorMessage = "Please keep your name under {1} characters.")]
        [Display(Name = "Your name, as your partner knows you")]
        public string DisplayName { get; set; } = "";

        [Required(ErrorMessage = "Please enter your e-mail address.")]
        [EmailAddress(ErrorMessage = "That doesn't look like an e-mail address.")]
        [StringLength(256)]
        [Display(Name = "E-mail")]
        public string Email { get; set; } = "";

        [Required(ErrorMessage = "Please choose a password.")]
        [StringLength(256, MinimumLength = AccountLimits.MinimumPasswordLength, ErrorMessage = "Please use at least {2} characters. A short sentence works well.")]
        [DataType(DataType.Password)]
        [Display(Name = "Password")]
        public string Password { get; set; } = "";

        [DataType(DataType.Password)]
        [Display(Name = "Password again")]
        [Compare(nameof(Password), ErrorMessage = "The two passwords don't match.")]
        public string ConfirmPassword { get; set; } = "";

        [Display(Name = "I'm a couples therapist")]
        public bool AsTherapist { get; set; }
    }
}
