using Microsoft.AspNetCore.Mvc.RazorPages;
using TrustCheckIn.Therapy;
using TrustCheckIn.Web.Infrastructure;

namespace TrustCheckIn.Web.Pages.Therapist;

public sealed class IndexModel(TherapistReadingService therapists) : PageModel
{
    public IReadOnlyList<TherapistReadingService.DashboardCouple> Couples { get; private set; } = [];

    public bool HasProfile { get; private set; }

    public async Task OnGetAsync()
    {
        var dashboard = await therapists.DashboardAsync(User.GetUserId(), HttpContext.RequestAborted);
        (Couples, HasProfile) = (dashboard.Couples, dashboard.HasProfile);
    }
}
