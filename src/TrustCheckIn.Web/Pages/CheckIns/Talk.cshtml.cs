using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TrustCheckIn.CheckIns;
using TrustCheckIn.Conversations;
using TrustCheckIn.Expectations;
using TrustCheckIn.Web.Infrastructure;

namespace TrustCheckIn.Web.Pages.CheckIns;

// One step a page, so it works the same without JavaScript and on two phones: each phone's place is its own address.
public sealed class TalkModel(ConversationService conversations) : PageModel
{
    public Guide Guide { get; private set; } = null!;

    public int Number { get; private set; }

    public GuideStep? Current { get; private set; }

    [FromQuery]
    public bool Skipped { get; set; }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    [TempData]
    public string? StatusMessage { get; set; }

    public bool IsClosing => Number == Guide.ClosingNumber;

    public async Task<IActionResult> OnGetAsync(int coupleId, string week, int? step)
    {
        if (!await LoadAsync(coupleId, week, step ?? 0))
        {
            return NotFound();
        }

        Input = new() { Step = Guide.KeptStep, Need = Guide.SuggestedNeed };
        return Page();
    }

    public async Task<IActionResult> OnPostKeepAsync(int coupleId, string week)
    {
        if (!await LoadClosingAsync(coupleId, week))
        {
            return NotFound();
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var result = await conversations.KeepStepAsync(User.GetUserId(), coupleId, Guide.Week, Input.Step);
        return await this.RespondAsync(result, () =>
        {
            StatusMessage = TalkPrompts.Kept;
            return RedirectToPage("Week", new { coupleId, week = Guide.Week.ToString() });
        }, () => Task.FromResult<IActionResult>(Page()));
    }

    public async Task<IActionResult> OnPostTableAsync(int coupleId, string week)
    {
        if (!await LoadClosingAsync(coupleId, week))
        {
            return NotFound();
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var result = await conversations.AddToTableAsync(User.GetUserId(), coupleId, Guide.Week, Input.Need, Input.Step);
        return await this.RespondAsync(result, _ =>
        {
            StatusMessage = TalkPrompts.AddedToTable;
            return RedirectToPage("/Expectations/Index");
        }, () => Task.FromResult<IActionResult>(Page()));
    }

    private Task<bool> LoadClosingAsync(int coupleId, string week) => LoadAsync(coupleId, week, null);

    // step: 0 is the opening, null the closing "one small step".
    private async Task<bool> LoadAsync(int coupleId, string week, int? step)
    {
        if (!IsoWeek.TryParse(week, out var isoWeek)
            || await conversations.GetGuideAsync(User.GetUserId(), coupleId, isoWeek) is not { } guide
            || step < 0 || step > guide.ClosingNumber)
        {
            return false;
        }

        Number = step ?? guide.ClosingNumber;
        (Guide, Current) = (guide, guide.Step(Number));
        return true;
    }

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Please write the small step in a few words.")]
        [StringLength(SharedStep.TextLength, ErrorMessage = "Please keep the step to {1} characters or fewer.")]
        [Display(Name = TalkPrompts.SmallStepQuestion)]
        public string? Step { get; set; }

        [StringLength(ExpectationContent.NeedLength, ErrorMessage = "Please keep the need to {1} characters.")]
        [Display(Name = "What it is for, if it goes in the table")]
        public string? Need { get; set; }
    }
}
