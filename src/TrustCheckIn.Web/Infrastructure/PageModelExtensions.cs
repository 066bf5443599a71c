using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TrustCheckIn.Common;

namespace TrustCheckIn.Web.Infrastructure;

public static class PageModelExtensions
{
    // A refusal without a field means "not there for you" (404); a field refusal goes back to the form,
    // with everything typed kept. Null when there is nothing to refuse.
    public static async Task<IActionResult?> RefusalAsync(this PageModel page, ServiceError? error, Func<Task> reload, string prefix = "Input")
    {
        if (error is null)
        {
            return null;
        }

        if (error.Field.Length == 0)
        {
            return page.NotFound();
        }

        page.ModelState.AddServiceError(error, prefix);
        await reload();
        return page.Page();
    }
}
