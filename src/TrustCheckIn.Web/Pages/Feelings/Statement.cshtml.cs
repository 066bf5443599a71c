using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TrustCheckIn.Common;
using TrustCheckIn.Feelings;
using TrustCheckIn.Web.Infrastructure;

namespace TrustCheckIn.Web.Pages.Feelings;

public sealed class StatementModel(FeelingService feelings) : PageModel
{
    public FeelingService.StatementView Statement { get; private set; } = null!;

    public IReadOnlyList<GentleLanguage.Finding> SituationHints { get; private set; } = [];

    public IReadOnlyList<GentleLanguage.Finding> NeedHints { get; private set; } = [];

    [BindProperty]
    public AcknowledgeInput Input { get; set; } = new();

    [TempData]
    public string? StatusMessage { get; set; }

    public async Task<IActionResult> OnGetAsync(int id) =>
        await LoadAsync(id) ? Page() : NotFound();

    public Task<IActionResult> OnPostShareAsync(int id) =>
        ActAsync(id, () => feelings.ShareAsync(User.GetUserId(), id), "Shared. Your partner can read it now.");

    public Task<IActionResult> OnPostWithdrawAsync(int id) =>
        ActAsync(id, () => feelings.WithdrawAsync(User.GetUserId(), id), "Taken back. It's a private draft again, and only you can see it.");

    public Task<IActionResult> OnPostDeleteAsync(int id) =>
        ActAsync(id, () => feelings.DeleteDraftAsync(User.GetUserId(), id), "The draft is deleted.", toList: true);

    public Task<IActionResult> OnPostTalkedAboutAsync(int id) =>
        ActAsync(id, () => feelings.MarkTalkedAboutAsync(User.GetUserId(), id), "Marked as talked about. Thank you for making the time together.");

    public async Task<IActionResult> OnPostAcknowledgeAsync(int id)
    {
        if (!ModelState.IsValid)
        {
            return await LoadAsync(id) ? Page() : NotFound();
        }

        return await ActAsync(id, () => feelings.AcknowledgeAsync(User.GetUserId(), id, Input.Reply), "Your partner will see that you hear them.");
    }

    private async Task<IActionResult> ActAsync(int id, Func<Task<Result>> action, string done, bool toList = false) =>
        await this.RespondAsync(await action(), () =>
        {
            StatusMessage = done;
            return toList ? RedirectToPage("Index") : RedirectToPage(new { id });
        }, async () => await LoadAsync(id) ? Page() : NotFound());

    private async Task<bool> LoadAsync(int id)
    {
        if (await feelings.GetAsync(User.GetUserId(), id) is not { } statement)
        {
            return false;
        }

        Statement = statement;
        // The hints are for the author while it is still theirs to change.
        if (statement.CanEdit)
        {
            SituationHints = GentleLanguage.Check(statement.Situation);
            NeedHints = GentleLanguage.Check(statement.Need);
        }

        return true;
    }

    public sealed class AcknowledgeInput
    {
        [StringLength(FeelingStatement.ReplyLength, ErrorMessage = "Please keep your reply to {1} characters.")]
        [Display(Name = "A reply, if you'd like (optional)")]
        public string? Reply { get; set; }
    }
}
