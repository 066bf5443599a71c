using System.Globalization;
using Microsoft.EntityFrameworkCore;
using TrustCheckIn.CheckIns;
using TrustCheckIn.Couples;
using TrustCheckIn.Data;
using TrustCheckIn.Expectations;

namespace TrustCheckIn.Reminders;

// Which reminders are due now for a batch of active couples. Reads ids, settings and dates only, never entry text.
internal static class ReminderPlanner
{
    public sealed record CoupleRow(int Id, string TimeZoneId, DayOfWeek CheckInDay, DateTime FormedAt, string PartnerAId, string PartnerBId);

    public sealed record Due(string UserId, ReminderKind Kind, string PeriodKey);

    private sealed record Preference(bool CheckInEnabled, DayOfWeek? CheckInDay, TimeOnly CheckInTime, bool ReviewEnabled);

    // Filter and order before this projection: EF cannot filter on a record it built.
    public static IQueryable<CoupleRow> AsRows(this IQueryable<Couple> couples) => couples.AsNoTracking()
        .Select(c => new CoupleRow(c.Id, c.TimeZoneId, c.CheckInDay, c.FormedAt, c.PartnerAId, c.PartnerBId));

    public static string WeekPeriodKey(IsoWeek week) => week.Key.ToString(CultureInfo.InvariantCulture);

    // One key per review interval that passes without a review, so each interval reminds once.
    public static string ReviewPeriodKey(DateTime since, int intervalWeeks, DateTime now) => string.Create(
        CultureInfo.InvariantCulture,
        $"review-{since:yyyyMMddHHmmss}-{(now - since).Ticks / TimeSpan.FromDays(7 * intervalWeeks).Ticks}");

    public static async Task<List<Due>> DueAsync(AppDbContext db, IReadOnlyList<CoupleRow> couples, DateTime now, CancellationToken ct)
    {
        var userIds = couples.SelectMany(c => new[] { c.PartnerAId, c.PartnerBId }).ToList();
        var preferences = await db.ReminderPreferences.AsNoTracking()
            .Where(p => userIds.Contains(p.UserId))
            .ToDictionaryAsync(p => p.UserId, p => new Preference(p.CheckInEnabled, p.CheckInDay, p.CheckInTime, p.ReviewEnabled), ct);
        // Erased accounts and unconfirmed addresses get no mail.
        var reachable = (await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id) && u.EmailConfirmed).Select(u => u.Id).ToListAsync(ct))
            .ToHashSet(StringComparer.Ordinal);

        var due = await WeeklyCheckInsDueAsync(db, couples, preferences, reachable, now, ct);
        due.AddRange(await ReviewsDueAsync(db, couples, preferences, reachable, now, ct));
        return due;
    }

    private static async Task<List<Due>> WeeklyCheckInsDueAsync(
        AppDbContext db, IReadOnlyList<CoupleRow> couples, Dictionary<string, Preference> preferences, HashSet<string> reachable, DateTime now, CancellationToken ct)
    {
        var candidates = new List<(int CoupleId, string UserId, IsoWeek Week)>();
        foreach (var couple in couples)
        {
            if (!TimeZoneInfo.TryFindSystemTimeZoneById(couple.TimeZoneId, out var zone))
            {
                continue;
            }

            var week = IsoWeek.Of(DateOnly.FromDateTime(ReminderClock.ToLocal(now, zone)));
            foreach (var userId in new[] { couple.PartnerAId, couple.PartnerBId })
            {
                var preference = preferences.GetValueOrDefault(userId);
                if (!reachable.Contains(userId) || preference is { CheckInEnabled: false })
                {
                    continue;
                }

                var dueAt = ReminderClock.WeeklyDueUtc(week, preference?.CheckInDay ?? couple.CheckInDay, preference?.CheckInTime ?? ReminderPreference.DefaultTime, zone);
                // Not before the couple existed, and not days late.
                if (dueAt <= now && now - dueAt < ReminderClock.StaleAfter && dueAt >= couple.FormedAt)
                {
                    candidates.Add((couple.Id, userId, week));
                }
            }
        }

        if (candidates.Count == 0)
        {
            return [];
        }

        var coupleIds = candidates.Select(c => c.CoupleId).Distinct().ToList();
        var weekKeys = candidates.Select(c => c.Week.Key).Distinct().ToList();
        var checkedIn = (await db.CheckIns.AsNoTracking()
                .Where(c => coupleIds.Contains(c.CoupleId) && weekKeys.Contains(c.WeekKey))
                .Select(c => new { c.CoupleId, c.AuthorId, c.WeekKey })
                .ToListAsync(ct))
            .Select(c => (c.CoupleId, c.AuthorId, c.WeekKey))
            .ToHashSet();
        // A paused week sends no check-in reminder: one indexed read for the whole batch.
        var (lowest, highest) = (weekKeys.Min(), weekKeys.Max());
        var pauses = await db.CouplePauses.AsNoTracking()
            .Where(p => coupleIds.Contains(p.CoupleId)).Covering(lowest, highest)
            .Select(p => new { p.CoupleId, Weeks = new PausedWeeks(p.FirstWeekKey!.Value, p.EndWeekKey!.Value) })
            .ToListAsync(ct);
        return candidates
            .Where(c => !checkedIn.Contains((c.CoupleId, c.UserId, c.Week.Key))
                && !pauses.Any(p => p.CoupleId == c.CoupleId && p.Weeks.Includes(c.Week)))
            .Select(c => new Due(c.UserId, ReminderKind.CheckIn, WeekPeriodKey(c.Week)))
            .ToList();
    }

    private static async Task<List<Due>> ReviewsDueAsync(
        AppDbContext db, IReadOnlyList<CoupleRow> couples, Dictionary<string, Preference> preferences, HashSet<string> reachable, DateTime now, CancellationToken ct)
    {
        var coupleIds = couples.Select(c => c.Id).ToList();
        var tables = await db.ExpectationTables.AsNoTracking()
            .Where(t => coupleIds.Contains(t.CoupleId))
            .ToDictionaryAsync(t => t.CoupleId, t => (t.ReviewIntervalWeeks, t.LastReviewedAt), ct);
        var firstRows = await db.Expectations.AsNoTracking()
            .Where(e => coupleIds.Contains(e.CoupleId) && e.RemovedAt == null)
            .GroupBy(e => e.CoupleId)
            .Select(g => new { CoupleId = g.Key, First = g.Min(e => e.CreatedAt) })
            .ToDictionaryAsync(g => g.CoupleId, g => g.First, ct);

        var due = new List<Due>();
        foreach (var couple in couples)
        {
            var interval = tables.TryGetValue(couple.Id, out var table) ? table.ReviewIntervalWeeks : ExpectationTable.DefaultReviewIntervalWeeks;
            // ExpectationService's rule: never reviewed yet, the interval runs from the oldest row still in the table.
            var since = table.LastReviewedAt ?? (firstRows.TryGetValue(couple.Id, out var first) ? first : null);
            if (since is not { } from || !ExpectationTable.IsOverdue(from, interval, now))
            {
                continue;
            }

            var key = ReviewPeriodKey(from, interval, now);
            due.AddRange(new[] { couple.PartnerAId, couple.PartnerBId }
                .Where(id => reachable.Contains(id) && preferences.GetValueOrDefault(id) is not { ReviewEnabled: false })
                .Select(id => new Due(id, ReminderKind.ExpectationsReview, key)));
        }

        return due;
    }
}
