using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TrustCheckIn.Accounts;
using TrustCheckIn.CheckIns;
using TrustCheckIn.Couples;
using TrustCheckIn.Expectations;
using TrustCheckIn.Notifications;
using TrustCheckIn.Reminders;
using TrustCheckIn.Web.Infrastructure;

namespace TrustCheckIn.Web.Pages;

public sealed class IndexModel(HomeService home, NotificationService notifications, TimeProvider time) : PageModel
{
    public bool SignedIn { get; private set; }

    public CoupleService.CoupleView? Couple { get; private set; }

    public ExpectationReviewService.ReviewReminder? ExpectationsReminder { get; private set; }

    public ThisWeekView? ThisWeek { get; private set; }

    public ReminderService.NextReminderView? NextReminder { get; private set; }

    public IReadOnlyList<NotificationService.Item> ForYou { get; private set; } = [];

    public HomeService.EndedCouple? Ended { get; private set; }

    public PauseService.PauseView? Pause { get; private set; }

    public TrustCheckIn.Therapy.PracticeService.OpenPractice? Practice { get; private set; }

    [TempData]
    public string? StatusMessage { get; set; }

    // "Welcome" while the two of them are just starting (not yet paired, or paired this past week); "Welcome back" after.
    public bool FirstWeeks => Couple is null || time.GetUtcNow().UtcDateTime - Couple.FormedAt < TimeSpan.FromDays(7);

    public async Task OnGetAsync()
    {
        SignedIn = User.Identity?.IsAuthenticated == true;
        if (SignedIn && User.IsInRole(Roles.Partner))
        {
            var view = await home.GetAsync(User.GetUserId());
            (Couple, ExpectationsReminder, ThisWeek, NextReminder, ForYou, Ended, Pause, Practice) = (view.Couple, view.ReviewReminder, view.ThisWeek, view.NextReminder, view.ForYou, view.Ended, view.Pause, view.Practice);
        }
        else if (SignedIn)
        {
            ForYou = await notifications.ForYouAsync(User.GetUserId());
        }
    }
}
