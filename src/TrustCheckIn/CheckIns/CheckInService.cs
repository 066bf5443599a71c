using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using TrustCheckIn.Common;
using TrustCheckIn.Couples;
using TrustCheckIn.Data;

namespace TrustCheckIn.CheckIns;

public sealed class CheckInService(AppDbContext db, TimeProvider time, ILogger<CheckInService> logger)
{
    public const int HistoryWeeksPerPage = 8;
    public const int EarlierPerPage = 10;
    public const int TrendLength = 12;

    public enum WeekState
    {
        NotStarted,
        PartnerCheckedIn,
        WaitingForPartner,
        BothCheckedIn,
    }

    public sealed record Answers(int CheckInId, Ratings Ratings, string? WentWell, string? OnMyMind, string? SmallStep, DateTime UpdatedAt);

    public sealed record ThisWeekView(int CoupleId, IsoWeek Week, string PartnerDisplayName, DayOfWeek CheckInDay, Answers? Mine, bool PartnerCheckedIn)
    {
        public WeekState State => (Mine is not null, PartnerCheckedIn) switch
        {
            (true, true) => WeekState.BothCheckedIn,
            (true, false) => WeekState.WaitingForPartner,
            (false, true) => WeekState.PartnerCheckedIn,
            _ => WeekState.NotStarted,
        };

        public bool IsSealed => State == WeekState.BothCheckedIn;
    }

    // Partner is set only once revealed; PartnerCheckedIn alone is all the other sees before that.
    public sealed record WeekView(
        int CoupleId,
        IsoWeek Week,
        string PartnerDisplayName,
        bool CoupleIsActive,
        bool IsOver,
        Answers? Mine,
        string? PartnerReplyToMine,
        bool PartnerCheckedIn,
        Answers? Partner,
        string? MyReplyToPartner)
    {
        public bool IsSealed => Mine is not null && PartnerCheckedIn;

        public IReadOnlyList<CheckInDimension> Differences =>
            Mine is not null && Partner is not null ? Mine.Ratings.DifferencesFrom(Partner.Ratings) : [];

        public bool CanReply => CoupleIsActive && Partner is not null;
    }

    public sealed record HistoryWeek(IsoWeek Week, bool IsCurrent, Ratings? Mine, bool PartnerCheckedIn, Ratings? Partner)
    {
        public bool IsQuiet => Mine is null && !PartnerCheckedIn;

        public IReadOnlyList<CheckInDimension> Differences =>
            Mine is not null && Partner is not null ? Mine.DifferencesFrom(Partner) : [];
    }

    // Keyset paging on the week key: Older/Newer are the "before" cursors of the neighbouring pages (null Newer = the newest page).
    public sealed record HistoryPage(int CoupleId, string PartnerDisplayName, IReadOnlyList<HistoryWeek> Weeks, IsoWeek? Older, bool HasNewer, IsoWeek? Newer, TrendView? Trend = null);

    public sealed record EarlierEntry(IsoWeek Week, Answers Answers);

    public sealed record EarlierCursor(int WeekKey, int CheckInId);

    public sealed record EarlierPage(IReadOnlyList<EarlierEntry> Entries, EarlierCursor? Older);

    private sealed record CoupleInfo(int Id, string PartnerId, string PartnerDisplayName, string TimeZoneId, DayOfWeek CheckInDay, DateTime FormedAt, DateTime? ClosedAt)
    {
        public TimeZoneInfo Zone => TimeZoneInfo.FindSystemTimeZoneById(TimeZoneId);

        public IsoWeek WeekOf(DateTime utc) =>
            IsoWeek.Of(DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Zone)));
    }

    private DateTime Now => time.GetUtcNow().UtcDateTime;

    public async Task<ThisWeekView?> GetThisWeekAsync(string userId, CancellationToken ct = default)
    {
        var couple = await CouplesOf(db.Couples.ActiveFor(userId), userId).SingleOrDefaultAsync(ct);
        if (couple is null)
        {
            return null;
        }

        var week = IsoWeek.Current(time, couple.Zone);
        var mine = await AnswersOf(db.CheckIns.AsNoTracking()
            .Where(c => c.CoupleId == couple.Id && c.AuthorId == userId && c.WeekKey == week.Key))
            .SingleOrDefaultAsync(ct);
        var partnerCheckedIn = await db.CheckIns
            .AnyAsync(c => c.CoupleId == couple.Id && c.AuthorId == couple.PartnerId && c.WeekKey == week.Key, ct);
        return new ThisWeekView(couple.Id, week, couple.PartnerDisplayName, couple.CheckInDay, mine, partnerCheckedIn);
    }

    // For reminders: false when the person is not in an active couple.
    public async Task<bool> HasCheckedInThisWeekAsync(string userId, CancellationToken ct = default)
    {
        var couple = await db.Couples.AsNoTracking().ActiveFor(userId).Select(c => new { c.Id, c.TimeZoneId }).SingleOrDefaultAsync(ct);
        if (couple is null)
        {
            return false;
        }

        var week = IsoWeek.Current(time, TimeZoneInfo.FindSystemTimeZoneById(couple.TimeZoneId));
        return await db.CheckIns.AnyAsync(c => c.CoupleId == couple.Id && c.AuthorId == userId && c.WeekKey == week.Key, ct);
    }

    public async Task<Result<WeekState>> SubmitAsync(string userId, int weekKey, CheckInAnswers answers)
    {
        if (answers.Problem() is { } problem)
        {
            return problem;
        }

        try
        {
            return await SaveAnswersAsync(userId, weekKey, answers);
        }
        catch (DbUpdateException)
        {
            // Another submit of this partner's inserted first (the unique index held): go again as an edit.
            db.ChangeTracker.Clear();
            return await SaveAnswersAsync(userId, weekKey, answers);
        }
    }

    private async Task<Result<WeekState>> SaveAnswersAsync(string userId, int weekKey, CheckInAnswers answers)
    {
        // BEGIN IMMEDIATE on SQLite: the two partners' submits and the sealing happen one after the other.
        await using var transaction = await db.Database.BeginTransactionAsync();
        var couple = await db.Couples.ActiveFor(userId).Select(c => new { c.Id, c.TimeZoneId }).SingleOrDefaultAsync();
        if (couple is null)
        {
            return ServiceError.NotFound("couple");
        }

        var week = IsoWeek.Current(time, TimeZoneInfo.FindSystemTimeZoneById(couple.TimeZoneId));
        if (week.Key != weekKey)
        {
            return new ServiceError("", "A new week began while you were writing. Your answers are still here: send them again to check in for this week.");
        }

        var rows = await db.CheckIns.Where(c => c.CoupleId == couple.Id && c.WeekKey == week.Key).ToListAsync();
        var mine = rows.SingleOrDefault(c => c.AuthorId == userId);
        var partners = rows.SingleOrDefault(c => c.AuthorId != userId);
        if (mine is { IsSealed: true })
        {
            return new ServiceError("", "You've both checked in, so this week's answers are settled. You can still reply to each other on the week's page.");
        }

        var now = Now;
        if (mine is null)
        {
            mine = new CheckIn(couple.Id, userId, week, answers, now);
            db.CheckIns.Add(mine);
        }
        else
        {
            mine.Edit(answers, now);
        }

        if (partners is not null)
        {
            mine.Seal(now);
            partners.Seal(now);
        }

        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        logger.LogInformation("User {UserId} checked in for week {WeekKey} of couple {CoupleId}", userId, week.Key, couple.Id);
        return partners is null ? WeekState.WaitingForPartner : WeekState.BothCheckedIn;
    }

    // Active couple: both sides under the reveal rule. Closed couple: only what the person wrote themselves.
    public async Task<WeekView?> GetWeekAsync(string userId, int coupleId, IsoWeek week, CancellationToken ct = default)
    {
        var couple = await CouplesOf(db.Couples.AnyFor(userId).Where(c => c.Id == coupleId), userId).SingleOrDefaultAsync(ct);
        if (couple is null)
        {
            return null;
        }

        var current = IsoWeek.Current(time, couple.Zone);
        var last = couple.ClosedAt is { } closedAt ? couple.WeekOf(closedAt) : current;
        if (week < couple.WeekOf(couple.FormedAt) || week > last)
        {
            return null;
        }

        var active = couple.ClosedAt is null;
        var isOver = week < current;
        var mine = await AnswersOf(db.CheckIns.AsNoTracking()
            .Where(c => c.CoupleId == couple.Id && c.AuthorId == userId && c.WeekKey == week.Key))
            .SingleOrDefaultAsync(ct);
        if (!active)
        {
            return new WeekView(couple.Id, week, couple.PartnerDisplayName, false, isOver, mine, null, false, null, null);
        }

        var partnerCheckInId = await db.CheckIns.AsNoTracking()
            .Where(c => c.CoupleId == couple.Id && c.AuthorId == couple.PartnerId && c.WeekKey == week.Key)
            .Select(c => (int?)c.Id)
            .SingleOrDefaultAsync(ct);
        var revealed = partnerCheckInId is not null && (mine is not null || isOver);
        var partner = revealed
            ? await AnswersOf(db.CheckIns.AsNoTracking().Where(c => c.Id == partnerCheckInId)).SingleAsync(ct)
            : null;
        var (mineId, partnersId) = (mine?.CheckInId ?? 0, partner?.CheckInId ?? 0);
        var replies = await db.CheckInReplies.AsNoTracking()
            .Where(r => (r.CheckInId == mineId && r.AuthorId == couple.PartnerId) || (r.CheckInId == partnersId && r.AuthorId == userId))
            .Select(r => new { r.AuthorId, r.Text })
            .ToListAsync(ct);
        return new WeekView(
            couple.Id,
            week,
            couple.PartnerDisplayName,
            true,
            isOver,
            mine,
            replies.SingleOrDefault(r => r.AuthorId == couple.PartnerId)?.Text,
            partnerCheckInId is not null,
            partner,
            replies.SingleOrDefault(r => r.AuthorId == userId)?.Text);
    }

    public async Task<Result> ReplyAsync(string userId, int checkInId, string? text)
    {
        var tidy = text?.Trim() ?? "";
        if (tidy.Length == 0)
        {
            return new ServiceError("Text", "Please write a few words, or pick one of the suggestions.");
        }

        if (tidy.Length > CheckInReply.TextLength)
        {
            return new ServiceError("Text", $"Please keep a reply to {CheckInReply.TextLength} characters or fewer.");
        }

        await using var transaction = await db.Database.BeginTransactionAsync();
        var couple = await db.Couples.ActiveFor(userId)
            .Select(c => new { c.Id, c.TimeZoneId, PartnerId = c.PartnerAId == userId ? c.PartnerBId : c.PartnerAId })
            .SingleOrDefaultAsync();
        var target = couple is null
            ? null
            : await db.CheckIns.Where(c => c.Id == checkInId && c.CoupleId == couple.Id && c.AuthorId == couple.PartnerId)
                .Select(c => new { c.Id, c.WeekKey })
                .SingleOrDefaultAsync();
        if (couple is null || target is null)
        {
            return ServiceError.NotFound("check-in");
        }

        var current = IsoWeek.Current(time, TimeZoneInfo.FindSystemTimeZoneById(couple.TimeZoneId));
        var answeredToo = await db.CheckIns.AnyAsync(c => c.CoupleId == couple.Id && c.AuthorId == userId && c.WeekKey == target.WeekKey);
        if (!answeredToo && target.WeekKey >= current.Key)
        {
            // Not revealed yet, so as far as this person knows it does not exist.
            return ServiceError.NotFound("check-in");
        }

        var now = Now;
        var reply = await db.CheckInReplies.SingleOrDefaultAsync(r => r.CheckInId == target.Id && r.AuthorId == userId);
        if (reply is null)
        {
            db.CheckInReplies.Add(new CheckInReply(target.Id, userId, tidy, now));
        }
        else
        {
            reply.Change(tidy, now);
        }

        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        logger.LogInformation("User {UserId} replied to check-in {CheckInId}", userId, target.Id);
        return Result.Ok;
    }

    // trend: the chart for the newest page, read from the same couple lookup.
    public async Task<HistoryPage?> GetHistoryAsync(string userId, IsoWeek? before, TrendPeriod? trend = null, CancellationToken ct = default)
    {
        var couple = await CouplesOf(db.Couples.ActiveFor(userId), userId).SingleOrDefaultAsync(ct);
        if (couple is null)
        {
            return null;
        }

        var current = IsoWeek.Current(time, couple.Zone);
        var formed = couple.WeekOf(couple.FormedAt);
        var end = before is { } cursor && cursor <= current ? cursor : current.Next;
        var newest = end.Previous;
        var oldest = newest.AddWeeks(-(HistoryWeeksPerPage - 1));
        if (oldest < formed)
        {
            oldest = formed;
        }

        var rows = newest < oldest
            ? []
            : await db.CheckIns.AsNoTracking()
                .Where(c => c.CoupleId == couple.Id && c.WeekKey >= oldest.Key && c.WeekKey <= newest.Key)
                .Select(c => new { c.AuthorId, c.WeekKey, Ratings = new Ratings(c.Trust, c.FeelingHeard, c.Connection, c.FollowThrough, c.EmotionalSafety) })
                .ToListAsync(ct);

        var weeks = new List<HistoryWeek>();
        for (var week = newest; week >= oldest; week = week.Previous)
        {
            var mine = rows.SingleOrDefault(r => r.WeekKey == week.Key && r.AuthorId == userId)?.Ratings;
            var partner = rows.SingleOrDefault(r => r.WeekKey == week.Key && r.AuthorId == couple.PartnerId)?.Ratings;
            var revealed = mine is not null || week < current;
            weeks.Add(new HistoryWeek(week, week == current, mine, partner is not null, revealed ? partner : null));
        }

        var hasNewer = newest < current;
        var newerEnd = newest.AddWeeks(HistoryWeeksPerPage + 1);
        return new HistoryPage(
            couple.Id,
            couple.PartnerDisplayName,
            weeks,
            oldest > formed ? oldest : null,
            hasNewer,
            hasNewer && newerEnd <= current ? newerEnd : null,
            trend is { } period ? await TrendOfAsync(couple, userId, period, ct) : null);
    }

    // What a former partner wrote in couples that have closed: their own answers only, read-only.
    public async Task<EarlierPage> ListEarlierAsync(string userId, EarlierCursor? before, CancellationToken ct = default)
    {
        var query = db.CheckIns.AsNoTracking()
            .Where(c => c.AuthorId == userId && c.Couple!.ClosedAt != null && (c.Couple.PartnerAId == userId || c.Couple.PartnerBId == userId));
        if (before is not null)
        {
            query = query.Where(c => c.WeekKey < before.WeekKey || (c.WeekKey == before.WeekKey && c.Id < before.CheckInId));
        }

        var page = await query
            .OrderByDescending(c => c.WeekKey)
            .ThenByDescending(c => c.Id)
            .Take(EarlierPerPage + 1)
            .Select(c => new
            {
                c.WeekKey,
                Answers = new Answers(c.Id, new Ratings(c.Trust, c.FeelingHeard, c.Connection, c.FollowThrough, c.EmotionalSafety), c.WentWell, c.OnMyMind, c.SmallStep, c.UpdatedAt),
            })
            .ToListAsync(ct);
        var entries = page.Take(EarlierPerPage).Select(e => new EarlierEntry(IsoWeek.FromKey(e.WeekKey), e.Answers)).ToList();
        var older = page.Count > EarlierPerPage ? new EarlierCursor(entries[^1].Week.Key, entries[^1].Answers.CheckInId) : null;
        return new EarlierPage(entries, older);
    }

    public Task<bool> HasEarlierAsync(string userId, CancellationToken ct = default) =>
        db.CheckIns.AnyAsync(c => c.AuthorId == userId && c.Couple!.ClosedAt != null, ct);

    // The actor's own scores always; the partner's only where the reveal rule allows.
    public async Task<TrendView?> GetTrendAsync(string userId, TrendPeriod period, CancellationToken ct = default)
    {
        var couple = await CouplesOf(db.Couples.ActiveFor(userId), userId).SingleOrDefaultAsync(ct);
        return couple is null ? null : await TrendOfAsync(couple, userId, period, ct);
    }

    private async Task<TrendView> TrendOfAsync(CoupleInfo couple, string userId, TrendPeriod period, CancellationToken ct)
    {
        var current = IsoWeek.Current(time, couple.Zone);
        var points = await AggregateAsync(couple.Id, period, current, userId, ct);
        var buckets = BucketKeys(period, current)
            .Select(key => new TrendBucket(
                key,
                BucketLabel(period, key),
                points.SingleOrDefault(p => p.BucketKey == key && p.PartnerId == userId)?.Averages,
                points.SingleOrDefault(p => p.BucketKey == key && p.PartnerId == couple.PartnerId)?.Averages))
            .ToList();
        return new TrendView(period, couple.PartnerDisplayName, buckets);
    }

    // For features that have already checked access (reminders, a consenting therapist's dashboard): only revealed weeks.
    public async Task<CoupleTrend?> GetCoupleTrendAsync(int coupleId, TrendPeriod period, CancellationToken ct = default)
    {
        var timeZoneId = await db.Couples.Where(c => c.Id == coupleId).Select(c => c.TimeZoneId).SingleOrDefaultAsync(ct);
        if (timeZoneId is null)
        {
            return null;
        }

        var current = IsoWeek.Current(time, TimeZoneInfo.FindSystemTimeZoneById(timeZoneId));
        var points = await AggregateAsync(coupleId, period, current, null, ct);
        return new CoupleTrend(coupleId, period, BucketKeys(period, current), points);
    }

    public static string BucketLabel(TrendPeriod period, int key) => period == TrendPeriod.Weeks
        ? IsoWeek.FromKey(key).Start.ToString("d MMM", CultureInfo.InvariantCulture)
        : new DateOnly(key / 100, key % 100, 1).ToString("MMM yyyy", CultureInfo.InvariantCulture);

    private static IReadOnlyList<int> BucketKeys(TrendPeriod period, IsoWeek current) => period == TrendPeriod.Weeks
        ? Enumerable.Range(0, TrendLength).Select(i => current.AddWeeks(i - (TrendLength - 1)).Key).ToList()
        : Enumerable.Range(0, TrendLength).Select(i => MonthKeyOf(FirstOfMonth(current.MonthKey).AddMonths(i - (TrendLength - 1)))).ToList();

    private static DateOnly FirstOfMonth(int monthKey) => new(monthKey / 100, monthKey % 100, 1);

    private static int MonthKeyOf(DateOnly date) => (date.Year * 100) + date.Month;

    // Averages come from SQL (GROUP BY partner and bucket): a chart never loads the rows themselves.
    private async Task<List<TrendPoint>> AggregateAsync(int coupleId, TrendPeriod period, IsoWeek current, string? viewerId, CancellationToken ct)
    {
        var keys = BucketKeys(period, current);
        var firstWeek = period == TrendPeriod.Weeks ? IsoWeek.FromKey(keys[0]) : FirstWeekOfMonth(keys[0]);
        var (firstKey, currentKey, firstMonth) = (firstWeek.Key, current.Key, keys[0]);
        var rows = db.CheckIns.AsNoTracking()
            .Where(c => c.CoupleId == coupleId && c.WeekKey >= firstKey && c.WeekKey <= currentKey)
            // This week's partner scores count only once sealed: the chart must not reveal them early.
            .Where(c => c.WeekKey < currentKey || c.SealedAt != null || c.AuthorId == viewerId);
        var grouped = period == TrendPeriod.Weeks
            ? rows.GroupBy(c => new { c.AuthorId, Bucket = c.WeekKey })
            : rows.Where(c => c.MonthKey >= firstMonth).GroupBy(c => new { c.AuthorId, Bucket = c.MonthKey });
        return await grouped
            .Select(g => new TrendPoint(
                g.Key.AuthorId,
                g.Key.Bucket,
                new Averages(
                    g.Average(c => (double)c.Trust),
                    g.Average(c => (double)c.FeelingHeard),
                    g.Average(c => (double)c.Connection),
                    g.Average(c => (double)c.FollowThrough),
                    g.Average(c => (double)c.EmotionalSafety)),
                g.Count()))
            .ToListAsync(ct);
    }

    private static IsoWeek FirstWeekOfMonth(int monthKey)
    {
        var week = IsoWeek.Of(FirstOfMonth(monthKey));
        return week.MonthKey == monthKey ? week : week.Next;
    }

    private static IQueryable<CoupleInfo> CouplesOf(IQueryable<Couple> couples, string userId) => couples.AsNoTracking()
        .Select(c => new CoupleInfo(
            c.Id,
            c.PartnerAId == userId ? c.PartnerBId : c.PartnerAId,
            c.PartnerAId == userId ? c.PartnerB!.DisplayName : c.PartnerA!.DisplayName,
            c.TimeZoneId,
            c.CheckInDay,
            c.FormedAt,
            c.ClosedAt));

    private static IQueryable<Answers> AnswersOf(IQueryable<CheckIn> checkIns) => checkIns
        .Select(c => new Answers(
            c.Id,
            new Ratings(c.Trust, c.FeelingHeard, c.Connection, c.FollowThrough, c.EmotionalSafety),
            c.WentWell,
            c.OnMyMind,
            c.SmallStep,
            c.UpdatedAt));
}
