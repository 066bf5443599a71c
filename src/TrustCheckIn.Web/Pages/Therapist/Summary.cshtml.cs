using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TrustCheckIn.Therapy;
using TrustCheckIn.Web.Infrastructure;

namespace TrustCheckIn.Web.Pages.Therapist;

public sealed class SummaryModel(TherapistReadingService therapists, TimeProvider time) : PageModel
{
    // Without chosen dates a summary covers the last four weeks.
    public const int DefaultDays = 28;

    [BindProperty(SupportsGet = true)]
    [DataType(DataType.Date)]
    [Display(Name = "From")]
    public DateOnly? From { get; set; }

    [BindProperty(SupportsGet = true)]
    [DataType(DataType.Date)]
    [Display(Name = "To")]
    public DateOnly? To { get; set; }

    private static readonly DateOnly Earliest = new(2000, 1, 1);
    private static readonly DateOnly Latest = new(2999, 12, 31);

    public CoupleRecord Record { get; private set; } = null!;

    public DateTime PreparedAt { get; private set; }

    public async Task<IActionResult> OnGetAsync(int coupleId)
    {
        PreparedAt = time.GetUtcNow().UtcDateTime;
        var today = DateOnly.FromDateTime(PreparedAt);
        if (From < Earliest || From > Latest || To < Earliest || To > Latest)
        {
            ModelState.AddModelError(nameof(From), "Please choose dates between 2000 and 2999.");
            (From, To) = (null, null);
        }

        To ??= today;
        From ??= To.Value.AddDays(-DefaultDays);
        if (From > To)
        {
            ModelState.AddModelError(nameof(From), "The start date needs to be on or before the end date.");
            (From, To) = (To.Value.AddDays(-DefaultDays), To);
        }

        if (await therapists.ReadCoupleAsync(User.GetUserId(), coupleId, AccessKind.Summary, From, To, HttpContext.RequestAborted) is not { } record)
        {
            return NotFound();
        }

        Record = record;
        return Page();
    }
}
