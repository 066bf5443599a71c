using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TrustCheckIn.Expectations;
using TrustCheckIn.Web.Infrastructure;

namespace TrustCheckIn.Web.Pages.Expectations;

public sealed class IndexModel(ExpectationService expectations, ExpectationReviewService reviews, FollowThroughService followThroughs) : PageModel
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
        this.Respond(await expectations.MoveAsync(User.GetUserId(), id, up), null, () => RedirectToPage());

    // "I did this" from the table itself, without a note: the row's own page takes one.
    public async Task<IActionResult> OnPostDidAsync(int id) =>
        this.Respond(await followThroughs.RecordFollowThroughAsync(User.GetUserId(), id, null), "Noted. Your partner can see it and say they noticed.", () => RedirectToPage());

    public async Task<IActionResult> OnPostRemoveAsync(int id) =>
        this.Respond(await expectations.RemoveAsync(User.GetUserId(), id), "Removed. If that was a mistake, you can bring it back from the history.", () => RedirectToPage());

    public async Task<IActionResult> OnPostStarterAsync(StarterSet set) =>
        this.Respond(await expectations.AddStarterSetAsync(User.GetUserId(), set), added => added switch
        {
            0 => "Those rows are already in your table, so nothing was added twice.",
            1 => "Added 1 row. Make it your own: change any words that don't fit you.",
            var n => $"Added {n} rows. Make them your own: change any words that don't fit you.",
        }, () => RedirectToPage());

    public async Task<IActionResult> OnPostReviewAsync() =>
        this.Respond(await reviews.ConfirmReviewAsync(User.GetUserId()), step => step == ReviewStep.ReviewedTogether
            ? "Reviewed together. Thank you both for taking the time."
            : "Thank you. Once your partner confirms too, the table is marked as reviewed together.", () => RedirectToPage());

    public async Task<IActionResult> OnPostIntervalAsync()
    {
        var result = await reviews.ChangeReviewIntervalAsync(User.GetUserId(), ReviewIntervalWeeks);
        return await this.RespondAsync(result, () =>
        {
            StatusMessage = $"Saved. We'll remind you both when {ReviewIntervalWeeks} weeks have passed since your last review.";
            return RedirectToPage();
        }, ShowAgainAsync, prefix: "");
    }

    private async Task<IActionResult> ShowAgainAsync()
    {
        Table = await expectations.GetTableAsync(User.GetUserId());
        return Table is null ? NotFound() : Page();
    }
}
