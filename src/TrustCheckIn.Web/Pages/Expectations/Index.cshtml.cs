using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TrustCheckIn.Common;
using TrustCheckIn.Expectations;
using TrustCheckIn.Web.Infrastructure;

namespace TrustCheckIn.Web.Pages.Expectations;

public sealed class IndexModel(ExpectationService expectations) : PageModel
{
    public ExpectationService.TableView? Table { get; private set; }

    [BindProperty]
    public int ReviewIntervalWeeks { get; set; }

    [TempData]
    public string? StatusMessage { get; set; }

    public async Task OnGetAsync()
    {
        Table = await expectations.GetTableAsync(User.GetUserId());
        ReviewIntervalWeeks = Table?.Review.IntervalWeeks ?? ExpectationTable.DefaultReviewIntervalWeeks;
    }

    public async Task<IActionResult> OnPostMoveAsync(int id, bool up) =>
        Done(await expectations.MoveAsync(User.GetUserId(), id, up), null);

    public async Task<IActionResult> OnPostRemoveAsync(int id) =>
        Done(await expectations.RemoveAsync(User.GetUserId(), id), "Removed. If that was a mistake, you can bring it back from the history.");

    public async Task<IActionResult> OnPostStarterAsync(StarterSet set)
    {
        var result = await expectations.AddStarterSetAsync(User.GetUserId(), set);
        return Done(new Result(result.Error), result.Value switch
        {
            0 => "Those rows are already in your table, so nothing was added twice.",
            1 => "Added 1 row. Make it your own: change any words that don't fit you.",
            var n => $"Added {n} rows. Make them your own: change any words that don't fit you.",
        });
    }

    public async Task<IActionResult> OnPostReviewAsync()
    {
        var result = await expectations.ConfirmReviewAsync(User.GetUserId());
        return Done(new Result(result.Error), result.Value == ReviewStep.ReviewedTogether
            ? "Reviewed together. Thank you both for taking the time."
            : "Thank you. Once your partner confirms too, the table is marked as reviewed together.");
    }

    public async Task<IActionResult> OnPostIntervalAsync()
    {
        var result = await expectations.ChangeReviewIntervalAsync(User.GetUserId(), ReviewIntervalWeeks);
        if (result.Error is { Field.Length: > 0 } error)
        {
            ModelState.AddModelError(nameof(ReviewIntervalWeeks), error.Message);
            Table = await expectations.GetTableAsync(User.GetUserId());
            return Table is null ? NotFound() : Page();
        }

        return Done(result, $"Saved. We'll remind you both when {ReviewIntervalWeeks} weeks have passed since your last review.");
    }

    private IActionResult Done(Result result, string? message)
    {
        if (result.Error == ExpectationService.RowNotFound)
        {
            return NotFound();
        }

        StatusMessage = result.Error?.Message ?? message;
        return RedirectToPage();
    }
}
