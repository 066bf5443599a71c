using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using TrustCheckIn.Couples;
using TrustCheckIn.Web.Infrastructure;

namespace TrustCheckIn.Web.Pages.Couple;

[EnableRateLimiting(RateLimits.Codes)]
public sealed class JoinModel(CoupleService couples) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public CoupleService.InvitationPreview? Preview { get; private set; }

    public async Task OnGetAsync(string? code)
    {
        if (!string.IsNullOrWhiteSpace(code))
        {
            Input.Code = code;
            Preview = await couples.PreviewAsync(code);
        }
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var result = await couples.AcceptAsync(User.GetUserId(), Input.Code);
        return await this.RespondAsync(result, couple =>
        {
            TempData[ServiceResponses.StatusMessageKey] = $"You and {couple.PartnerDisplayName} are now a couple on TrustCheckIn.";
            return RedirectToPage("/Index");
        }, () => Task.FromResult<IActionResult>(Page()));
    }

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Please enter the code your partner sent you.")]
        [StringLength(32, ErrorMessage = "That code is too long. Codes have 10 letters and numbers.")]
        [Display(Name = "Invitation code")]
        public string Code { get; set; } = "";
    }
}
