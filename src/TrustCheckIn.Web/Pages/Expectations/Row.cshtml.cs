using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TrustCheckIn.Common;
using TrustCheckIn.Expectations;
using TrustCheckIn.Web.Infrastructure;

namespace TrustCheckIn.Web.Pages.Expectations;

public sealed class RowModel(ExpectationService expectations) : PageModel
{
    public ExpectationService.RowDetailView? Row { get; private set; }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    [TempData]
    public string? StatusMessage { get; set; }

    public async Task<IActionResult> OnGetAsync(int id)
    {
        Row = await expectations.GetRowAsync(User.GetUserId(), id);
        return Row is null ? NotFound() : Page();
    }

    public async Task<IActionResult> OnPostDidAsync(int id)
    {
        if (!ModelState.IsValid)
        {
            return await ShowAsync(id);
        }

        var result = await expectations.RecordFollowThroughAsync(User.GetUserId(), id, Input.Note);
        if (result.Error is { } error)
        {
            if (error == ExpectationService.RowNotFound)
            {
                return NotFound();
            }

            ModelState.AddServiceError(error);
            return await ShowAsync(id);
        }

        StatusMessage = "Noted. Your partner can see it here and say they noticed.";
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostNoticedAsync(int id, int followThroughId)
    {
        var result = await expectations.NoticeAsync(User.GetUserId(), followThroughId);
        if (result.Error is { } error)
        {
            if (error == ExpectationService.RowNotFound || error == ServiceError.NotFound("note"))
            {
                return NotFound();
            }

            StatusMessage = error.Message;
        }
        else
        {
            StatusMessage = "Thank you for noticing.";
        }

        return RedirectToPage(new { id });
    }

    private async Task<IActionResult> ShowAsync(int id)
    {
        Row = await expectations.GetRowAsync(User.GetUserId(), id);
        return Row is null ? NotFound() : Page();
    }

    public sealed class InputModel
    {
        [StringLength(FollowThrough.NoteLength, ErrorMessage = "Please keep the note to {1} characters.")]
        [Display(Name = "A short note (optional)")]
        public string? Note { get; set; }
    }
}
