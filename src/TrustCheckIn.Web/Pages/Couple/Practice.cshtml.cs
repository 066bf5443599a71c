using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TrustCheckIn.Therapy;
using TrustCheckIn.Web.Infrastructure;

namespace TrustCheckIn.Web.Pages.Couple;

// What the couple's therapist suggested between sessions, and each partner's own answer to it.
public sealed class PracticeModel(PracticeService practices) : PageModel
{
    public PracticeService.PracticesView View { get; private set; } = null!;

    [BindProperty]
    public InputModel Input { get; set; } = new();

    // The practice whose form was sent back with a problem: it shows what was typed, the others what is saved.
    public int? Editing { get; private set; }

    [TempData]
    public string? StatusMessage { get; set; }

    public async Task<IActionResult> OnGetAsync() => await ShowAgainAsync();

    public async Task<IActionResult> OnPostAnswerAsync(int id)
    {
        Editing = id;
        if (!ModelState.IsValid)
        {
            return await ShowAgainAsync();
        }

        var result = await practices.AnswerAsync(User.GetUserId(), id, Input.Done, Input.Line);
        return await this.RespondAsync(result, () =>
        {
            StatusMessage = Input.Done ? "Saved, and marked done. Well done, both of you." : "Saved.";
            return RedirectToPage();
        }, ShowAgainAsync);
    }

    public async Task<IActionResult> OnPostDoneAsync(int id) =>
        this.Respond(await practices.MarkDoneAsync(User.GetUserId(), id), "Marked done. You can add a line on how it went here.", () => RedirectToPage());

    private async Task<IActionResult> ShowAgainAsync()
    {
        if (await practices.ListAsync(User.GetUserId(), HttpContext.RequestAborted) is not { } view)
        {
            return NotFound();
        }

        View = view;
        return Page();
    }

    public sealed class InputModel
    {
        [Display(Name = "I did this")]
        public bool Done { get; set; }

        [Display(Name = "How it went, in a line (optional)")]
        [StringLength(PracticeResponse.LineMaxLength, ErrorMessage = "Please keep it to {1} characters: a line is enough, the rest is for the session.")]
        public string? Line { get; set; }
    }
}
