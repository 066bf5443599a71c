using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
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
        if (result.Error is { } error)
        {
            if (error == ExpectationService.RowNotFound)
            {
                return NotFound();
            }

            ModelState.AddServiceError(error);
            return Page();
        }

        if (result.Conflict is { } conflict)
        {
            Conflict = conflict;
            TimeZoneId = (await expectations.GetTableAsync(User.GetUserId()))?.TimeZoneId ?? "UTC";
            // The next save is a deliberate choice over the version now shown; the typed text stays as it was.
            ModelState.Remove("Input.Version");
            Input.Version = conflict.TheirVersion;
            return Page();
        }

        StatusMessage = "Saved. Your partner sees the change, and the history keeps what it said before.";
        return RedirectToPage("Index");
    }

    // When the row was removed while this person edited it, their text can become a new row.
    public async Task<IActionResult> OnPostAddAsNewAsync(int id)
    {
        if (!ModelState.IsValid)
        {
            return await CanEditAsync(id) ? Page() : NotFound();
        }

        var result = await expectations.AddAsync(User.GetUserId(), Input.ToContent());
        if (result.Error is { } error)
        {
            if (error == ExpectationService.RowNotFound)
            {
                return NotFound();
            }

            ModelState.AddServiceError(error);
            return Page();
        }

        StatusMessage = "Added as a new row.";
        return RedirectToPage("Index");
    }

    // Another couple's row id stays unknowable, even behind a form error.
    private async Task<bool> CanEditAsync(int id) =>
        await expectations.GetForEditAsync(User.GetUserId(), id) is { IsClosed: false };
}
