using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TrustCheckIn.Therapy;
using TrustCheckIn.Web.Infrastructure;

namespace TrustCheckIn.Web.Pages.Therapist;

// The next session: the couple's agenda (within each author's consent) and practice between sessions (within
// both partners'). The two things a therapist may write are here: "talked about" marks and a practice suggestion.
public sealed class SessionModel(TherapistReadingService reading, TherapistSessionService sessions) : PageModel
{
    public TherapistReadingService.SessionView View { get; private set; } = null!;

    [BindProperty]
    public SuggestInput Input { get; set; } = new();

    [TempData]
    public string? StatusMessage { get; set; }

    public async Task<IActionResult> OnGetAsync(int coupleId) => await ShowAgainAsync(coupleId);

    public async Task<IActionResult> OnPostSuggestAsync(int coupleId)
    {
        if (!ModelState.IsValid)
        {
            return await ShowAgainAsync(coupleId);
        }

        var result = await sessions.SuggestAsync(User.GetUserId(), coupleId, Input.Kind, Input.Text, Input.DueOn);
        return await this.RespondAsync(result, () =>
        {
            StatusMessage = "Suggested. Both partners see it on their home page, and you'll see here when each has done it.";
            return RedirectToPage(new { coupleId });
        }, () => ShowAgainAsync(coupleId));
    }

    public async Task<IActionResult> OnPostTalkedAboutAsync(int coupleId, int itemId) =>
        this.Respond(await sessions.MarkTalkedAboutAsync(User.GetUserId(), coupleId, itemId), "Marked as talked about in session.", () => RedirectToPage(new { coupleId }));

    private async Task<IActionResult> ShowAgainAsync(int coupleId)
    {
        // Consent is read again on every request; no link is a plain 404, and is logged.
        if (await reading.SessionAsync(User.GetUserId(), coupleId, HttpContext.RequestAborted) is not { } view)
        {
            return NotFound();
        }

        View = view;
        return Page();
    }

    public sealed class SuggestInput
    {
        [Display(Name = "What to try")]
        public PracticeKind? Kind { get; set; }

        [Display(Name = "In your words (needed for your own practice; a note otherwise)")]
        [StringLength(Practice.TextMaxLength, ErrorMessage = "Please keep it to {1} characters.")]
        public string? Text { get; set; }

        [DataType(DataType.Date)]
        [Display(Name = "By (optional)")]
        public DateOnly? DueOn { get; set; }
    }
}
