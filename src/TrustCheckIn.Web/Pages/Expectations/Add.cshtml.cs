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

    public async Task<IActionResult> OnGetAsync()
    {
        var table = await expectations.GetTableAsync(User.GetUserId());
        return table is { CanAddMore: true } ? Page() : NotFound();
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
