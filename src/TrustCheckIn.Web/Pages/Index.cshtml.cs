using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TrustCheckIn.Accounts;
using TrustCheckIn.CheckIns;
using TrustCheckIn.Couples;
using TrustCheckIn.Expectations;
using TrustCheckIn.Reminders;
using TrustCheckIn.Web.Infrastructure;

namespace TrustCheckIn.Web.Pages;

public sealed class IndexModel(CoupleService couples, CheckInService checkIns, ExpectationReviewService reviews, ReminderService reminders) : PageModel
{
    public bool SignedIn { get; private set; }

    public CoupleService.CoupleView? Couple { get; private set; }

    public ExpectationReviewService.ReviewReminder? ExpectationsReminder { get; private set; }

    public ThisWeekView? ThisWeek { get; private set; }

    public ReminderService.NextReminderView? NextReminder { get; private set; }

    [TempData]
    public string? StatusMessage { get; set; }

    public async Task OnGetAsync()
    {
        SignedIn = User.Identity?.IsAuthenticated == true;
        if (SignedIn && User.IsInRole(Roles.Partner))
        {
            Couple = await couples.GetActiveAsync(User.GetUserId());
            ExpectationsReminder = Couple is null ? null : await reviews.GetReviewReminderAsync(User.GetUserId());
            ThisWeek = Couple is null ? null : await checkIns.GetThisWeekAsync(User.GetUserId());
            NextReminder = Couple is null ? null : await reminders.GetNextReminderAsync(User.GetUserId());
        }
    }
}
