using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TrustCheckIn.Expectations;
using TrustCheckIn.Web.Infrastructure;

namespace TrustCheckIn.Web.Pages.Expectations;

public sealed class RowModel(FollowThroughService followThroughs) : PageModel
{
    public FollowThroughService.RowDetailView? Row { get; private set; }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    [TempData]
    public string? StatusMessage { get; set; }

    public async Task<IActionResult> OnGetAsync(int id)
    {
        Row = await followThroughs.GetRowAsync(User.GetUserId(), id);
        return Row is null ? NotFound() : Page();
    }

    public async Task<IActionResult> OnPostDidAsync(int id)
    {
        if (!ModelState.IsValid)
        {
            return await ShowAsync(id);
        }

        var result = await followThroughs.RecordFollowThroughAsync(User.GetUserId(), id, Input.Note);
        return await this.RespondAsync(result, () =>
        {
            StatusMessage = "Noted. Your partner can see it here and say they noticed.";
            return RedirectToPage(new { id });
        }, () => ShowAsync(id));
    }

    public async Task<IActionResult> OnPostNoticedAsync(int id, int followThroughId) =>
        this.Respond(await followThroughs.NoticeAsync(User.GetUserId(), followThroughId), "Thank you for noticing.", () => RedirectToPage(new { id }));

    private async Task<IActionResult> ShowAsync(int id)
    {
        Row = await followThroughs.GetRowAsync(User.GetUserId(), id);
        return Row is null ? NotFound() : Page();
    }

    public sealed class InputModel
    {
        [StringLength(FollowThrough.NoteLength, ErrorMessage = "Please keep the note to {1} characters.")]
        [Display(Name = "A short note (optional)")]
        public string? Note { get; set; }
    }
}
