using TrustCheckIn.CheckIns;
using TrustCheckIn.Expectations;
using TrustCheckIn.Reminders;

namespace TrustCheckIn.Couples;

// The signed-in partner's home page: the couple is found once here and handed to each feature, so the page
// costs four statements instead of one couple lookup per feature.
public sealed class HomeService(CoupleService couples, CheckInService checkIns, ExpectationReviewService reviews, ReminderService reminders)
{
    public sealed record HomeView(CoupleService.CoupleView Couple, ExpectationReviewService.ReviewReminder? ReviewReminder, ThisWeekView ThisWeek, ReminderService.NextReminderView NextReminder);

    // Null without an active couple.
    public async Task<HomeView?> GetAsync(string userId, CancellationToken ct = default)
    {
        if (await couples.GetActiveAsync(userId, ct) is not { } couple)
        {
            return null;
        }

        var zone = TimeZoneInfo.FindSystemTimeZoneById(couple.TimeZoneId);
        var thisWeek = await checkIns.ThisWeekOfAsync(userId, couple.Id, couple.PartnerId, couple.PartnerDisplayName, couple.CheckInDay, zone, ct);
        return new HomeView(
            couple,
            await reviews.ReminderOfAsync(userId, couple.Id, ct),
            thisWeek,
            await reminders.NextOfAsync(userId, couple.Id, couple.TimeZoneId, couple.CheckInDay, thisWeek.Mine is not null, ct));
    }
}
