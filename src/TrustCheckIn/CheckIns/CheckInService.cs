using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using TrustCheckIn.Common;
using TrustCheckIn.Conversations;
using TrustCheckIn.Couples;
using TrustCheckIn.Data;
using TrustCheckIn.Notifications;

namespace TrustCheckIn.CheckIns;

public sealed class CheckInService(AppDbContext db, TimeProvider time, CheckInTrendService trends, ILogger<CheckInService> logger)
{
    public const int HistoryWeeksPerPage = 8;
    public const int EarlierPerPage = 10;

    private sealed record CoupleInfo(int Id, string PartnerId, string PartnerDisplayName, string TimeZoneId, DayOfWeek CheckInDay, DateTime FormedAt, DateTime? ClosedAt)
    {
        public TimeZoneInfo Zone => TimeZoneInfo.FindSystemTimeZoneById(TimeZoneId);

        public IsoWeek WeekOf(DateTime utc) =>
            IsoWeek.Of(DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Zone)));
    }

    private DateTime Now => time.GetUtcNow().UtcDateTime;

    // The check-in page's couple, compiled once.
    private static readonly CompiledPerModel<Func<AppDbContext, string, CancellationToken, Task<CoupleInfo?>>> ActiveCouple = new(() =>
        EF.CompileAsyncQuery(InlinedQueries.Expand((AppDbContext db, string userId, CancellationToken ct) => CouplesOf(db.Couples.ActiveFor(userId), userId).SingleOrDefault())));

    public async Task<ThisWeekView?> GetThisWeekAsync(string userId, CancellationToken ct = default)
    {
        var couple = await ActiveCouple.For(db)(db, userId, ct);
        return couple is null ? null : await ThisWeekOfAsync(userId, couple.Id, couple.PartnerId, couple.PartnerDisplayName, couple.CheckInDay, couple.Zone, ct);
    }

    private sealed record ThisWeekRow(string AuthorId, int WeekKey, AnswersView? Mine, string? LastStep);

    // Last week's row of the person's own rides along: only its small step is read, for "How did it go?". The first
    // two terms let SQLite search (CoupleId, WeekKey) for the two weeks; without them it reads every week of the
    // couple's and filters, a cost that grows with the years. Compiled once: the home page runs it on every visit.
    private static readonly CompiledPerModel<Func<AppDbContext, int, int, int, string, string, IAsyncEnumerable<ThisWeekRow>>> ThisWeekRows = new(() =>
        EF.CompileAsyncQuery(InlinedQueries.Expand((AppDbContext db, int coupleId, int weekKey, int lastWeekKey, string userId, string partnerId) =>
            db.CheckIns.AsNoTracking()
                .Where(c => c.CoupleId == coupleId && (c.WeekKey == weekKey || c.WeekKey == lastWeekKey)
                    && ((c.WeekKey == weekKey && (c.AuthorId == userId || c.AuthorId == partnerId)) || (c.WeekKey == lastWeekKey && c.AuthorId == userId)))
                .Rows()
                .Select(r => new ThisWeekRow(
                    r.AuthorId,
                    r.WeekKey,
                    r.AuthorId == userId && r.WeekKey == weekKey
                        ? new AnswersView(r.Id, r.Ratings, r.WentWell, r.OnMyMind, r.SmallStep, r.UpdatedAt) { LastStepOutcome = r.LastStepOutcome, StepNoticed = r.StepNoticed }
                        : null,
                    r.WeekKey == lastWeekKey ? r.SmallStep : null)))));

    // For a couple the service layer has already found as the person's active one (the home page). Both
    // partners' rows in one statement; the partner's answers are not even read, only that they exist.
    internal async Task<ThisWeekView> ThisWeekOfAsync(string userId, int coupleId, string partnerId, string partnerName, DayOfWeek checkInDay, TimeZoneInfo zone, CancellationToken ct)
    {
        var week = IsoWeek.Current(time, zone);
        var lastWeekKey = week.Previous.Key;
        var rows = await ThisWeekRows.For(db)(db, coupleId, week.Key, lastWeekKey, userId, partnerId).ToListAsync(ct);
        var thisWeek = rows.Where(r => r.WeekKey == week.Key).ToList();
        return new ThisWeekView(
            coupleId,
            week,
            partnerName,
            checkInDay,
            thisWeek.SingleOrDefault(r => r.AuthorId == userId)?.Mine,
            thisWeek.Any(r => r.AuthorId == partnerId),
            rows.SingleOrDefault(r => r.WeekKey == lastWeekKey)?.LastStep);
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
        catch (DbUpdateException clash) when (DatabaseErrors.IsUniqueViolation(clash))
        {
            // Another submit of this partner's inserted first (the unique index held): go again as an edit.
            db.ChangeTracker.Clear();
            return await SaveAnswersAsync(userId, weekKey, answers);
        }
    }

    private async Task<Result<WeekState>> SaveAnswersAsync(string userId, int weekKey, CheckInAnswers answers)
    {
        // One writer at a time (BEGIN IMMEDIATE on SQLite, PostgresWriteLock on PostgreSQL): the two partners' submits and the sealing happen one after the other.
        await using var transaction = await db.Database.BeginTransactionAsync();
        var couple = await db.Couples.ActiveFor(userId).SeenBy(userId).Select(c => new { c.Id, c.TimeZoneId, c.PartnerId }).SingleOrDefaultAsync();
        if (couple is null)
        {
            return ServiceError.NotFound("couple");
        }

        var week = IsoWeek.Current(time, TimeZoneInfo.FindSystemTimeZoneById(couple.TimeZoneId));
        if (week.Key != weekKey)
        {
            return ServiceError.RefusedByRule("A new week began while you were writing. Your answers are still here: send them again to check in for this week.");
        }

        var rows = await db.CheckIns.Where(c => c.CoupleId == couple.Id && c.WeekKey == week.Key).ToListAsync();
        var mine = rows.SingleOrDefault(c => c.AuthorId == userId);
        var partners = rows.SingleOrDefault(c => c.AuthorId != userId);
        if (mine is { IsSealed: true })
        {
            return ServiceError.RefusedByRule("You've both checked in, so this week's answers are settled. You can still reply to each other on the week's page.");
        }

        if (answers.LastStep is not null && !await db.CheckIns.AnyAsync(c => c.CoupleId == couple.Id && c.AuthorId == userId && c.WeekKey == week.Previous.Key && c.SmallStep != null))
        {
            // Nothing was promised last week, so there is nothing to say about how it went.
            answers = answers with { LastStep = null };
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

        // Check-ins can still be written in a paused week (a couple may want to), but nobody is nudged about them.
        var paused = await db.CouplePauses.Where(p => p.CoupleId == couple.Id).Covering(week.Key, week.Key).AnyAsync();
        if (partners is not null)
        {
            // Sealing happens once (a sealed week refuses above), so this is said once.
            if (!paused)
            {
                db.Tell(partners.AuthorId, NotificationKind.AnswersReady, couple.Id, userId, "/CheckIns", now);
            }

            mine.Seal(now);
            partners.Seal(now);
        }
        else if (db.Entry(mine).State == EntityState.Added && !paused)
        {
            // Edits before the partner answers tell nothing new.
            db.Tell(couple.PartnerId, NotificationKind.PartnerCheckedIn, couple.Id, userId, "/CheckIns", now);
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
        mine = await WithLastWeekStepAsync(mine, couple.Id, userId, week, ct);
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
            ? await WithLastWeekStepAsync(await AnswersOf(db.CheckIns.AsNoTracking().Where(c => c.Id == partnerCheckInId)).SingleAsync(ct), couple.Id, couple.PartnerId, week, ct)
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
            return ServiceError.Invalid("Text", "Please write a few words, or pick one of the suggestions.");
        }

        if (tidy.Length > CheckInReply.TextLength)
        {
            return ServiceError.Invalid("Text", $"Please keep a reply to {CheckInReply.TextLength} characters or fewer.");
        }

        await using var transaction = await db.Database.BeginTransactionAsync();
        if (await RevealedPartnerCheckInAsync(userId, checkInId) is not { } targetId)
        {
            return ServiceError.NotFound("check-in");
        }

        var now = Now;
        var reply = await db.CheckInReplies.SingleOrDefaultAsync(r => r.CheckInId == targetId && r.AuthorId == userId);
        if (reply is null)
        {
            db.CheckInReplies.Add(new CheckInReply(targetId, userId, tidy, now));
        }
        else
        {
            reply.Change(tidy, now);
        }

        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        logger.LogInformation("User {UserId} replied to check-in {CheckInId}", userId, targetId);
        return Result.Ok;
    }

    // "I noticed" on how the partner's last small step went: only once their week is revealed to this person.
    public async Task<Result> NoticeStepAsync(string userId, int checkInId)
    {
        await using var transaction = await db.Database.BeginTransactionAsync();
        if (await RevealedPartnerCheckInAsync(userId, checkInId) is not { } targetId
            || await db.CheckIns.SingleAsync(c => c.Id == targetId) is not { LastStepOutcome: not null } target)
        {
            return ServiceError.NotFound("check-in");
        }

        target.NoticeStep(Now);
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        logger.LogInformation("User {UserId} noticed the small step on check-in {CheckInId}", userId, targetId);
        return Result.Ok;
    }

    // The partner's check-in in the person's active couple, once revealed to them; null means "as far as they know, it does not exist".
    private async Task<int?> RevealedPartnerCheckInAsync(string userId, int checkInId)
    {
        var couple = await db.Couples.ActiveFor(userId).SeenBy(userId)
            .Select(c => new { c.Id, c.TimeZoneId, c.PartnerId })
            .SingleOrDefaultAsync();
        var target = couple is null
            ? null
            : await db.CheckIns.Where(c => c.Id == checkInId && c.CoupleId == couple.Id && c.AuthorId == couple.PartnerId)
                .Select(c => new { c.Id, c.WeekKey })
                .SingleOrDefaultAsync();
        if (couple is null || target is null)
        {
            return null;
        }

        var current = IsoWeek.Current(time, TimeZoneInfo.FindSystemTimeZoneById(couple.TimeZoneId));
        var answeredToo = await db.CheckIns.AnyAsync(c => c.CoupleId == couple.Id && c.AuthorId == userId && c.WeekKey == target.WeekKey);
        return answeredToo || target.WeekKey < current.Key ? target.Id : null;
    }

    private sealed record HistoryFound(CoupleInfo Couple, bool HasEarlier, int? FirstPaused, int? LastPausedEnd);

    private sealed record HistoryRow(string AuthorId, int WeekKey, Ratings Ratings, string? Kept);

    // The history page's two reads, compiled once. "Anything in an earlier couple?" rides along with the couple
    // lookup, with the span of every pause the couple ever took, by index searches: the weeks are read only for a
    // page inside it. (Through ActiveIdsFor: EF cannot see the id inside the CoupleInfo it has just built.)
    private static readonly CompiledPerModel<Func<AppDbContext, string, CancellationToken, Task<HistoryFound?>>> HistoryCouple = new(() =>
        EF.CompileAsyncQuery(InlinedQueries.Expand((AppDbContext db, string userId, CancellationToken ct) =>
            CouplesOf(db.Couples.ActiveFor(userId), userId)
                .Select(c => new HistoryFound(
                    c,
                    EarlierCouplesAnswered(db, userId).Any(),
                    db.CouplePauses.Where(p => db.Couples.ActiveIdsFor(userId).Contains(p.CoupleId) && p.Status == PauseStatus.Accepted).Min(p => p.FirstWeekKey),
                    db.CouplePauses.Where(p => db.Couples.ActiveIdsFor(userId).Contains(p.CoupleId) && p.Status == PauseStatus.Accepted).Max(p => p.EndWeekKey)))
                .SingleOrDefault())));

    // A kept step needs both answers of its week, so it rides along on the week's check-in rows.
    private static readonly CompiledPerModel<Func<AppDbContext, int, int, int, IAsyncEnumerable<HistoryRow>>> HistoryRows = new(() =>
        EF.CompileAsyncQuery(InlinedQueries.Expand((AppDbContext db, int coupleId, int oldestKey, int newestKey) =>
            db.CheckIns.AsNoTracking()
                .Where(c => c.CoupleId == coupleId && c.WeekKey >= oldestKey && c.WeekKey <= newestKey)
                .Rows()
                .Select(r => new HistoryRow(r.AuthorId, r.WeekKey, r.Ratings, db.SharedSteps.Where(s => s.CoupleId == r.CoupleId && s.WeekKey == r.WeekKey).Select(s => s.Text).FirstOrDefault())))));

    // The newest page (no cursor) carries the trend charts of the period asked for, from the couple found here.
    public async Task<HistoryPage?> GetHistoryAsync(string userId, IsoWeek? before, TrendPeriod? charts = null, CancellationToken ct = default)
    {
        var found = await HistoryCouple.For(db)(db, userId, ct);
        if (found?.Couple is not { } couple)
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
            : await HistoryRows.For(db)(db, couple.Id, oldest.Key, newest.Key).ToListAsync(ct);

        var pauses = found.FirstPaused <= newest.Key && found.LastPausedEnd > oldest.Key && oldest <= newest
            ? await db.CouplePauses.AsNoTracking()
                .Where(p => p.CoupleId == couple.Id).Covering(oldest.Key, newest.Key)
                .Select(p => new PausedWeeks(p.FirstWeekKey!.Value, p.EndWeekKey!.Value))
                .ToListAsync(ct)
            : [];
        var weeks = new List<HistoryWeek>();
        for (var week = newest; week >= oldest; week = week.Previous)
        {
            var mine = rows.SingleOrDefault(r => r.WeekKey == week.Key && r.AuthorId == userId)?.Ratings;
            var partner = rows.SingleOrDefault(r => r.WeekKey == week.Key && r.AuthorId == couple.PartnerId)?.Ratings;
            var revealed = mine is not null || week < current;
            weeks.Add(new HistoryWeek(week, week == current, mine, partner is not null, revealed ? partner : null, pauses.Any(p => p.Includes(week))));
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
            found.HasEarlier)
        {
            Trend = before is null && charts is { } period
                ? await trends.TrendOfAsync(userId, couple.Id, couple.PartnerId, couple.PartnerDisplayName, couple.Zone, couple.FormedAt, period, ct)
                : null,
            KeptSteps = rows.Where(r => r.Kept is not null && r.AuthorId == userId).OrderByDescending(r => r.WeekKey).Select(r => new KeptStep(r.WeekKey, r.Kept ?? "")).ToList(),
        };
    }

    // What a former partner wrote in couples that have closed: their own answers only, read-only.
    public async Task<EarlierPage> ListEarlierAsync(string userId, EarlierCursor? before, CancellationToken ct = default)
    {
        var query = db.CheckIns.AsNoTracking()
            .Where(c => c.AuthorId == userId && db.Couples.AnyFor(userId).Any(k => k.Id == c.CoupleId && k.ClosedAt != null));
        if (before is not null)
        {
            query = query.Where(c => c.WeekKey < before.WeekKey || (c.WeekKey == before.WeekKey && c.Id < before.CheckInId));
        }

        var page = await query
            .OrderByDescending(c => c.WeekKey)
            .ThenByDescending(c => c.Id)
            .Take(EarlierPerPage + 1)
            .Rows()
            .Select(r => new { r.WeekKey, Answers = new AnswersView(r.Id, r.Ratings, r.WentWell, r.OnMyMind, r.SmallStep, r.UpdatedAt) { LastStepOutcome = r.LastStepOutcome } })
            .ToListAsync(ct);
        var entries = page.Take(EarlierPerPage).Select(e => new EarlierEntry(IsoWeek.FromKey(e.WeekKey), e.Answers)).ToList();
        var older = page.Count > EarlierPerPage ? new EarlierCursor(entries[^1].Week.Key, entries[^1].Answers.CheckInId) : null;
        return new EarlierPage(entries, older);
    }

    public Task<bool> HasEarlierAsync(string userId, CancellationToken ct = default) => EarlierCouplesAnswered(db, userId).AnyAsync(ct);

    // The person's closed couples in which they answered a week: the few couples first, then one (CoupleId, AuthorId)
    // search each, so the cost does not grow with the years of check-ins as a search of all their answers would.
    [InlinedFrom(nameof(EarlierCouplesAnsweredQuery))]
    private static IQueryable<Couple> EarlierCouplesAnswered(AppDbContext db, string userId) => EarlierCouplesAnsweredQuery.Run(db, userId);

    private static readonly Inlined<Func<AppDbContext, string, IQueryable<Couple>>> EarlierCouplesAnsweredQuery = new((db, userId) =>
        db.Couples.AnyFor(userId).Where(k => k.ClosedAt != null && db.CheckIns.Any(c => c.CoupleId == k.Id && c.AuthorId == userId)));

    [InlinedFrom(nameof(CouplesOfQuery))]
    private static IQueryable<CoupleInfo> CouplesOf(IQueryable<Couple> couples, string userId) => CouplesOfQuery.Run(couples, userId);

    private static readonly Inlined<Func<IQueryable<Couple>, string, IQueryable<CoupleInfo>>> CouplesOfQuery = new((couples, userId) => couples.AsNoTracking()
        .SeenBy(userId)
        .Select(c => new CoupleInfo(c.Id, c.PartnerId, c.PartnerDisplayName, c.TimeZoneId, c.CheckInDay, c.FormedAt, c.ClosedAt)));

    private static IQueryable<AnswersView> AnswersOf(IQueryable<CheckIn> checkIns) => checkIns
        .Rows()
        .Select(r => new AnswersView(r.Id, r.Ratings, r.WentWell, r.OnMyMind, r.SmallStep, r.UpdatedAt) { LastStepOutcome = r.LastStepOutcome, StepNoticed = r.StepNoticed });

    // Read only when the author said how it went: the small step it refers to is theirs, from the week before.
    private async Task<AnswersView?> WithLastWeekStepAsync(AnswersView? answers, int coupleId, string authorId, IsoWeek week, CancellationToken ct)
    {
        if (answers is not { LastStepOutcome: not null })
        {
            return answers;
        }

        var lastWeekKey = week.Previous.Key;
        var step = await db.CheckIns.AsNoTracking()
            .Where(c => c.CoupleId == coupleId && c.AuthorId == authorId && c.WeekKey == lastWeekKey)
            .Select(c => c.SmallStep)
            .SingleOrDefaultAsync(ct);
        return answers with { LastWeekStep = step };
    }
}
