using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TrustCheckIn.Accounts;
using TrustCheckIn.Web.Infrastructure;

namespace TrustCheckIn.Web.Pages.Admin;

public sealed class TherapistsModel(TherapistApprovalService approvals) : PageModel
{
    public IReadOnlyList<TherapistApprovalService.PendingTherapist> Pending { get; private set; } = [];

    [TempData]
    public string? StatusMessage { get; set; }

    public async Task OnGetAsync() => Pending = await approvals.ListPendingAsync(HttpContext.RequestAborted);

    public Task<IActionResult> OnPostApproveAsync(string id) => DecideAsync(id, approve: true);

    public Task<IActionResult> OnPostRejectAsync(string id) => DecideAsync(id, approve: false);

    private async Task<IActionResult> DecideAsync(string id, bool approve) =>
        this.Respond(await approvals.DecideAsync(User.GetUserId(), id, approve),
            approve ? "Approved. They can now use their therapist account." : "Declined. The account stays without therapist access.",
            () => RedirectToPage());
}
