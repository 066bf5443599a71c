using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TrustCheckIn.Therapy;
using TrustCheckIn.Web.Infrastructure;

namespace TrustCheckIn.Web.Pages.Therapist;

public sealed class CoupleModel(TherapistReadingService therapists) : PageModel
{
    public CoupleRecord Record { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int coupleId)
    {
        // Consent is read again on every request; no link (or a revoked one) is a plain 404, and is logged.
        if (await therapists.ReadCoupleAsync(User.GetUserId(), coupleId, AccessKind.Couple, ct: HttpContext.RequestAborted) is not { } record)
        {
            return NotFound();
        }

        Record = record;
        return Page();
    }
}
