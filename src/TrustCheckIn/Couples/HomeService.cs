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

    private sealed record Found(
        CoupleService.CoupleView View, ReminderService.StoredCheckInChoice Reminder, PauseService.StoredPause Pause, PracticeService.StoredOpen Practice);

    // The couple with the person's reminder choice, the latest pause and the newest open practice, compiled once (the
    // statement's LINQ would otherwise be re-read and hashed on every visit of the most visited page). Each of the three
    // is found by one index search for its id and then joined by primary key: a statement of few parts, since SQLite
    // compiles the statement anew on every request and a subquery per column costs more to compile than to run.
    private static readonly CompiledPerModel<Func<AppDbContext, string, DateTime, CancellationToken, Task<Found?>>> Find = new(() =>
        EF.CompileAsyncQuery(InlinedQueries.Expand((AppDbContext db, string userId, DateTime recent, CancellationToken ct) =>
            (from c in db.Couples.AsNoTracking().ActiveFor(userId).SeenBy(userId)
             let pauseId = db.CouplePauses.Where(p => p.CoupleId == c.Id).Max(p => (int?)p.Id)
             let practiceId = db.Practices
                 .Where(p => p.CoupleId == c.Id && p.SuggestedAt >= recent && !db.PracticeResponses.Any(r => r.PracticeId == p.Id && r.AuthorId == userId && r.DoneAt != null))
                 .Max(p => (int?)p.Id)
             let reminderId = db.ReminderPreferences.Where(r => r.UserId == userId).Select(r => (int?)r.Id).FirstOrDefault()
             join pause in db.CouplePauses on pauseId equals pause.Id into pauses
             from pause in pauses.DefaultIfEmpty()
             join practice in db.Practices on practiceId equals practice.Id into practices
             from practice in practices.DefaultIfEmpty()
             join reminder in db.ReminderPreferences on reminderId equals reminder.Id into reminders
             from reminder in reminders.DefaultIfEmpty()
             select new Found(
                 new CoupleService.CoupleView(c.Id, c.PartnerId, c.PartnerDisplayName, c.TimeZoneId, c.CheckInDay, c.FormedAt),
                 new ReminderService.StoredCheckInChoice(
                     reminder == null ? null : (bool?)reminder.CheckInEnabled,
                     reminder == null ? null : reminder.CheckInDay,
                     reminder == null ? null : (TimeOnly?)reminder.CheckInTime),
                 // The couple's latest pause.
                 new PauseService.StoredPause(
                     pause == null ? null : (int?)pause.Id,
                     pause == null ? null : pause.ProposedById,
                     pause == null ? null : (PauseStatus?)pause.Status,
                     pause == null ? null : (int?)pause.Weeks,
                     pause == null ? null : pause.EndWeekKey),
                 // The newest recent practice this person has not marked done.
                 new PracticeService.StoredOpen(
                     practice == null ? null : (int?)practice.Id,
                     practice == null ? null : (PracticeKind?)practice.Kind,
                     practice == null ? null : practice.Text,
                     practice == null ? null : practice.DueOn)))
                .SingleOrDefault())));

    // Couple is null without an active couple; "For you" is there either way (a partner who left is told here).
    public async Task<HomeView> GetAsync(string userId, CancellationToken ct = default)
    {
        var found = await Find.For(db)(db, userId, time.GetUtcNow().UtcDateTime.AddDays(-PracticeService.HomeDays), ct);
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
