using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TrustCheckIn.Therapy;
using TrustCheckIn.Web.Infrastructure;

namespace TrustCheckIn.Web.Pages.Therapist;

// Asking a partner to share one more kind of entry. Nothing of the couple's entries is shown here.
public sealed class AskModel(ConsentRequestService requests) : PageModel
{
    public ConsentRequestService.AskView View { get; private set; } = null!;

    [BindProperty]
    public AskInput Input { get; set; } = new();

    [TempData]
    public string? StatusMessage { get; set; }

    public async Task<IActionResult> OnGetAsync(int coupleId) =>
        await LoadAsync(coupleId) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(int coupleId)
    {
        if (!ModelState.IsValid)
        {
            return await LoadAsync(coupleId) ? Page() : NotFound();
        }

        var result = await requests.RequestAsync(User.GetUserId(), coupleId, Input.PartnerId, Input.Scope ?? ConsentScope.None, Input.Reason);
        return await this.RespondAsync(result, () =>
        {
            StatusMessage = "Asked. They see your request the next time they open the app, and you'll hear when they answer.";
            return RedirectToPage(new { coupleId });
        }, async () => await LoadAsync(coupleId) ? Page() : NotFound());
    }

    private async Task<bool> LoadAsync(int coupleId)
    {
        View = (await requests.ForTherapistAsync(User.GetUserId(), coupleId, HttpContext.RequestAborted))!;
        return View is not null;
    }

    public sealed class AskInput
    {
        [Display(Name = "Whom to ask")]
        public string? PartnerId { get; set; }

        [Display(Name = "What to ask them to share")]
        public ConsentScope? Scope { get; set; }

        [Display(Name = "Why you ask (optional, they will read it)")]
        [StringLength(ConsentRequest.ReasonMaxLength, ErrorMessage = "Please keep the reason to {1} characters.")]
        public string? Reason { get; set; }
    }
}
