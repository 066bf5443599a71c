using Microsoft.AspNetCore.Mvc.RazorPages;
using TrustCheckIn.Therapy;
using TrustCheckIn.Web.Infrastructure;

namespace TrustCheckIn.Web.Pages.Therapist;

public sealed class IndexModel(TherapistReadingService therapists, TherapistProfileService profiles) : PageModel
{
    public IReadOnlyList<TherapistReadingService.DashboardCouple> Couples { get; private set; } = [];

    public bool HasProfile { get; private set; }

    public async Task OnGetAsync()
    {
        var therapistId = User.GetUserId();
        HasProfile = await profiles.GetProfileAsync(therapistId, HttpContext.RequestAborted) is not null;
        Couples = await therapists.DashboardAsync(therapistId, HttpContext.RequestAborted);
    }
}
