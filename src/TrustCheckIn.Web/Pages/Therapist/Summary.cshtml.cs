using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TrustCheckIn.Therapy;
using TrustCheckIn.Web.Infrastructure;

namespace TrustCheckIn.Web.Pages.Therapist;

public sealed class SummaryModel(TherapistService therapists, TimeProvider time) : PageModel
{
    [BindProperty(SupportsGet = true)]
    [DataType(DataType.Date)]
    [Display(Name = "From")]
    public DateOnly? From { get; set; }

    [BindProperty(SupportsGet = true)]
    [DataType(DataType.Date)]
    [Display(Name = "To")]
    public DateOnly? To { get; set; }

    public CoupleRecord Record { get; private set; } = null!;

    public DateTime PreparedAt { get; private set; }

    public async Task<IActionResult> OnGetAsync(int coupleId)
    {
        PreparedAt = time.GetUtcNow().UtcDateTime;
        var today = DateOnly.FromDateTime(PreparedAt);
        To ??= today;
        From ??= To.Value.AddDays(-28);
        if (From > To)
        {
            ModelState.AddModelError(nameof(From), "The start date needs to be on or before the end date.");
            (From, To) = (To.Value.AddDays(-28), To);
        }

        if (await therapists.ReadCoupleAsync(User.GetUserId(), coupleId, AccessKind.Summary, From, To, HttpContext.RequestAborted) is not { } record)
        {
            return NotFound();
        }

        Record = record;
        return Page();
    }
}
