using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TrustCheckIn.Common;
using TrustCheckIn.Expectations;
using TrustCheckIn.Web.Infrastructure;

namespace TrustCheckIn.Web.Pages.Expectations;

public sealed class EditModel(ExpectationService expectations) : PageModel
{
    [BindProperty]
    public ExpectationInput Input { get; set; } = new();

    public ExpectationService.EditConflict? Conflict { get; private set; }

    public string TimeZoneId { get; private set; } = "UTC";

    [TempData]
    public string? StatusMessage { get; set; }

    public async Task<IActionResult> OnGetAsync(int id)
    {
        var row = await expectations.GetForEditAsync(User.GetUserId(), id);
        if (row is null || row.IsClosed)
        {
            return NotFound();
        }

        Input = ExpectationInput.From(row.Content, row.Version);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id)
    {
        if (!ModelState.IsValid)
        {
            return await CanEditAsync(id) ? Page() : NotFound();
        }

        var result = await expectations.EditAsync(User.GetUserId(), id, Input.ToContent(), Input.Version);
        return await this.RespondAsync(result, () =>
        {
            StatusMessage = "Saved. Your partner sees the change, and the history keeps what it said before.";
            return RedirectToPage("Index");
        }, () => ShowAgainAsync(result.Error as ConflictError<ExpectationService.EditConflict>));
    }

    // When the row was removed while this person edited it, their text can become a new row.
    public async Task<IActionResult> OnPostAddAsNewAsync(int id)
    {
        if (!ModelState.IsValid)
        {
            return await CanEditAsync(id) ? Page() : NotFound();
        }

        var result = await expectations.AddAsync(User.GetUserId(), Input.ToContent());
        return await this.RespondAsync(result, _ =>
        {
            StatusMessage = "Added as a new row.";
            return RedirectToPage("Index");
        }, () => Task.FromResult<IActionResult>(Page()));
    }

    // Both versions side by side; the typed text stays as it was, and the next save is a deliberate
    // choice over the version now shown.
    private async Task<IActionResult> ShowAgainAsync(ConflictError<ExpectationService.EditConflict>? conflict)
    {
        if (conflict is not null)
        {
            Conflict = conflict.Current;
            TimeZoneId = (await expectations.GetTableAsync(User.GetUserId()))?.TimeZoneId ?? "UTC";
            ModelState.Remove("Input.Version");
            Input.Version = conflict.Current.TheirVersion;
        }

        return Page();
    }

    // Another couple's row id stays unknowable, even behind a form error.
    private async Task<bool> CanEditAsync(int id) =>
        await expectations.GetForEditAsync(User.GetUserId(), id) is { IsClosed: false };
}
