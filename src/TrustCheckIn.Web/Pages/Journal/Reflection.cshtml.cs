using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TrustCheckIn.Journal;
using TrustCheckIn.Web.Infrastructure;

namespace TrustCheckIn.Web.Pages.Journal;

public sealed class ReflectionModel(ReflectionService reflections) : PageModel
{
    public ReflectionService.ReflectionView? Reflection { get; private set; }

    public bool IsThisMonth => Reflection?.Month == reflections.ThisMonth;

    [TempData]
    public string? StatusMessage { get; set; }

    public async Task<IActionResult> OnGetAsync(int id)
    {
        Reflection = await reflections.GetAsync(User.GetUserId(), id);
        return Reflection is null ? NotFound() : Page();
    }

    public async Task<IActionResult> OnPostShareAsync(int id, bool shareable) =>
        this.Respond(await reflections.SetShareableAsync(User.GetUserId(), id, shareable), shareable
            ? "Marked shareable. A therapist could read it only if you give them access to journal entries."
            : "This reflection is just for you again.", () => RedirectToPage(new { id }));
}
