using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using TrustCheckIn.Accounts;
using TrustCheckIn.Couples;
using TrustCheckIn.Operations;
using TrustCheckIn.Web.Infrastructure;

namespace TrustCheckIn.Web.Pages.Account;

[EnableRateLimiting(RateLimits.Registration)]
public sealed class RegisterModel(AccountService accounts, CoupleService couples, BackgroundQueue queue) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    // An invitation code from the invitation page: it rides along into the confirmation link.
    [BindProperty(SupportsGet = true)]
    public string? Invite { get; set; }

    public CoupleService.InvitationPreview? Invitation { get; private set; }

    public async Task OnGetAsync() => await ReadInvitationAsync();

    public async Task<IActionResult> OnPostAsync()
    {
        await ReadInvitationAsync();
        if (!ModelState.IsValid)
        {
            return Page();
        }

        // The same checks for a new and a taken address; the account itself is made after the page has answered.
        var problems = await accounts.CheckNewAccountAsync(Input.Email, Input.Password);
        foreach (var problem in problems)
        {
            ModelState.AddModelError(problem.Code.Contains("Password", StringComparison.Ordinal) ? "Input.Password" : "Input.Email", problem.Description);
        }

        if (problems.Count > 0)
        {
            return Page();
        }

        queue.Enqueue(AccountJobs.Register(Input.DisplayName, Input.Email, Input.Password, Input.AsTherapist, Invitation?.Code));
        return RedirectToPage("RegisterConfirmation", new { invite = Invitation?.Code });
    }

    private async Task ReadInvitationAsync()
    {
        Invitation = await AccountJobs.ReadInvitationAsync(couples, Invite);
        Invite = Invitation?.Code;
    }

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
