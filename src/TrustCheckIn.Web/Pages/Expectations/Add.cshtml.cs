using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TrustCheckIn.Expectations;
using TrustCheckIn.Web.Infrastructure;

namespace TrustCheckIn.Web.Pages.Expectations;

public sealed class AddModel(ExpectationService expectations) : PageModel
{
    [BindProperty]
    public ExpectationInput Input { get; set; } = new();

    [TempData]
    public string? StatusMessage { get; set; }

    public bool IsFull { get; private set; }

    // A full table is the couple's own and says so; a closed or missing one stays "not found".
    public async Task<IActionResult> OnGetAsync()
    {
        var table = await expectations.GetTableAsync(User.GetUserId());
        if (table is null or { IsClosed: true })
        {
            return NotFound();
        }

        IsFull = !table.CanAddMore;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var result = await expectations.AddAsync(User.GetUserId(), Input.ToContent());
        return await this.RespondAsync(result, _ =>
        {
            StatusMessage = "Added. Your partner sees it in the table too.";
            return RedirectToPage("Index");
        }, () => Task.FromResult<IActionResult>(Page()));
    }
}
