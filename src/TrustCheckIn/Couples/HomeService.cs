using Microsoft.EntityFrameworkCore;
using TrustCheckIn.CheckIns;
using TrustCheckIn.Data;
using TrustCheckIn.Expectations;
using TrustCheckIn.Notifications;
using TrustCheckIn.Reminders;
using TrustCheckIn.Therapy;

namespace TrustCheckIn.Couples;

// The signed-in partner's home page: the couple is found once here (with the person's reminder choice, as
// scalar subqueries of the same statement) and handed to each feature, so the page costs four statements:
// couple, this week, review, "For you". The unread count comes with the session check.
public sealed class HomeService(AppDbContext db, TimeProvider time, CheckInService checkIns, ExpectationReviewService reviews, ReminderService reminders, NotificationService notifications, PauseService pauses)
{
    public sealed record HomeView(
        CoupleService.CoupleView? Couple,
        ExpectationReviewService.ReviewReminder? ReviewReminder,
        ThisWeekView? ThisWeek,
        ReminderService.NextReminderView? NextReminder,
        IReadOnlyList<NotificationService.Item> ForYou,
        EndedCouple? Ended = null,
        PauseService.PauseView? Pause = null,
        PracticeService.OpenPractice? Practice = null);

    // The couple this person was last in, when it has ended and they are in none now: their home says so.
    public sealed record EndedCouple(string FormerPartnerName, bool TheyLeft, DateTime ClosedAt);

    // Couple is null without an active couple; "For you" is there either way (a partner who left is told here).
    public async Task<HomeView> GetAsync(string userId, CancellationToken ct = default)
    {
        var recent = time.GetUtcNow().UtcDateTime.AddDays(-PracticeService.HomeDays);
        var openPractices = db.Practices.Where(p => p.SuggestedAt >= recent && !db.PracticeResponses.Any(r => r.PracticeId == p.Id && r.AuthorId == userId && r.DoneAt != null));
        var found = await db.Couples.AsNoTracking()
            .ActiveFor(userId)
            .SeenBy(userId)
            .Select(c => new
            {
                View = new CoupleService.CoupleView(c.Id, c.PartnerId, c.PartnerDisplayName, c.TimeZoneId, c.CheckInDay, c.FormedAt),
                Reminder = new ReminderService.StoredCheckInChoice(
                    db.ReminderPreferences.Where(p => p.UserId == userId).Select(p => (bool?)p.CheckInEnabled).FirstOrDefault(),
                    db.ReminderPreferences.Where(p => p.UserId == userId).Select(p => p.CheckInDay).FirstOrDefault(),
                    db.ReminderPreferences.Where(p => p.UserId == userId).Select(p => (TimeOnly?)p.CheckInTime).FirstOrDefault()),
                // The couple's latest pause, column by column: each is an index search, where a whole-row subquery would scan.
                Pause = new PauseService.StoredPause(
                    db.CouplePauses.Where(p => p.CoupleId == c.Id).OrderByDescending(p => p.Id).Select(p => (int?)p.Id).FirstOrDefault(),
                    db.CouplePauses.Where(p => p.CoupleId == c.Id).OrderByDescending(p => p.Id).Select(p => p.ProposedById).FirstOrDefault(),
                    db.CouplePauses.Where(p => p.CoupleId == c.Id).OrderByDescending(p => p.Id).Select(p => (PauseStatus?)p.Status).FirstOrDefault(),
                    db.CouplePauses.Where(p => p.CoupleId == c.Id).OrderByDescending(p => p.Id).Select(p => (int?)p.Weeks).FirstOrDefault(),
                    db.CouplePauses.Where(p => p.CoupleId == c.Id).OrderByDescending(p => p.Id).Select(p => p.EndWeekKey).FirstOrDefault()),
                // The newest recent practice this person has not marked done, column by column for the same reason.
                Practice = new PracticeService.StoredOpen(
                    openPractices.Where(p => p.CoupleId == c.Id).OrderByDescending(p => p.Id).Select(p => (int?)p.Id).FirstOrDefault(),
                    openPractices.Where(p => p.CoupleId == c.Id).OrderByDescending(p => p.Id).Select(p => (PracticeKind?)p.Kind).FirstOrDefault(),
                    openPractices.Where(p => p.CoupleId == c.Id).OrderByDescending(p => p.Id).Select(p => p.Text).FirstOrDefault(),
                    openPractices.Where(p => p.CoupleId == c.Id).OrderByDescending(p => p.Id).Select(p => p.DueOn).FirstOrDefault()),
            })
            .SingleOrDefaultAsync(ct);
        if (found is null)
        {
            var ended = await db.Couples.AsNoTracking().AnyFor(userId).Where(c => c.ClosedAt != null)
                .OrderByDescending(c => c.ClosedAt)
                .Select(c => new EndedCouple(c.PartnerAId == userId ? c.PartnerB!.DisplayName : c.PartnerA!.DisplayName, c.ClosedById != userId, c.ClosedAt!.Value))
                .FirstOrDefaultAsync(ct);
            return new HomeView(null, null, null, null, await notifications.ForYouAsync(userId, ct), ended);
        }

        var couple = found.View;
        var zone = TimeZoneInfo.FindSystemTimeZoneById(couple.TimeZoneId);
        var thisWeek = await checkIns.ThisWeekOfAsync(userId, couple.Id, couple.PartnerId, couple.PartnerDisplayName, couple.CheckInDay, zone, ct);
        return new HomeView(
            couple,
            await reviews.ReminderOfAsync(userId, couple.Id, ct),
            thisWeek,
            await reminders.NextOfAsync(userId, couple.Id, couple.TimeZoneId, couple.CheckInDay, found.Reminder, thisWeek.Mine is not null, ct),
            await notifications.ForYouAsync(userId, ct),
            Pause: pauses.StateOf(userId, found.Pause, zone),
            Practice: PracticeService.OpenOf(found.Practice));
    }
}
