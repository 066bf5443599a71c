using Microsoft.EntityFrameworkCore;
using TrustCheckIn.CheckIns;
using TrustCheckIn.Expectations;
using TrustCheckIn.Feelings;
using TrustCheckIn.Journal;

namespace TrustCheckIn.Therapy;

public sealed partial class TherapistService
{
    public const int RecentWeeks = 12;

    public sealed record DashboardWeek(IsoWeek Week, double? AverageA, double? AverageB, bool Diverges);

    public sealed record DashboardCouple(CoupleAccess Access, IReadOnlyList<DashboardWeek> Weeks);

    // The dashboard: every linked couple with the consented partners' recent check-in averages, read in one
    // query for all couples; each couple whose scores are shown gets one access-log row.
    public async Task<List<DashboardCouple>> DashboardAsync(string therapistId, CancellationToken ct = default)
    {
        var loaded = await LoadAccessAsync(therapistId, null, ct);
        var couples = loaded.Couples;
        var showing = couples.Where(c => c.Visible.HasFlag(ConsentScope.CheckIns)).Select(c => c.CoupleId).ToList();
        var since = IsoWeek.Of(DateOnly.FromDateTime(Now)).AddWeeks(-RecentWeeks - 1).Key;
        var rows = showing.Count == 0 ? [] : await db.CheckIns.AsNoTracking()
            .Where(c => showing.Contains(c.CoupleId) && c.WeekKey > since)
            .Select(c => new CheckInRow(c.CoupleId, c.AuthorId, c.WeekKey, c.WeekStart, c.SealedAt != null, new Ratings(c.Trust, c.FeelingHeard, c.Connection, c.FollowThrough, c.EmotionalSafety), null, null, null))
            .ToListAsync(ct);

        var result = new List<DashboardCouple>(couples.Count);
        foreach (var couple in couples)
        {
            var thisWeek = ThisWeekOf(couple).Key;
            var visible = rows.Where(r => r.CoupleId == couple.CoupleId && (r.Sealed || r.WeekKey < thisWeek)
                && Consented(couple, r.AuthorId, ConsentScope.CheckIns, r.WeekStart)).ToList();
            var weeks = visible.GroupBy(r => r.WeekKey).OrderByDescending(g => g.Key).Select(g =>
            {
                var a = g.SingleOrDefault(r => r.AuthorId == couple.A.PartnerId);
                var b = g.SingleOrDefault(r => r.AuthorId == couple.B.PartnerId);
                return new DashboardWeek(IsoWeek.FromKey(g.Key), a?.Ratings.Average, b?.Ratings.Average, a is not null && b is not null && a.Ratings.DifferencesFrom(b.Ratings).Count > 0);
            }).ToList();
            result.Add(new DashboardCouple(couple, weeks));
        }

        await LogAsync(therapistId, showing.Select(id => (id, ConsentScope.CheckIns)).ToList(), AccessKind.Dashboard, ct, loaded.TherapistName);
        return result;
    }

    // One couple's consented entries, for the couple page or a dated summary. Null (logged as refused) without an active link.
    public async Task<CoupleRecord?> ReadCoupleAsync(string therapistId, int coupleId, AccessKind kind, DateOnly? from = null, DateOnly? to = null, CancellationToken ct = default)
    {
        var access = await OpenAsync(therapistId, coupleId, kind, ct);
        if (access is null)
        {
            return null;
        }

        var lower = from ?? DateOnly.MinValue;
        var upper = to ?? DateOnly.MaxValue;
        var names = access.Partners.ToDictionary(p => p.PartnerId, p => p.DisplayName);
        var sharers = access.Partners.Where(p => p.Shares(ConsentScope.CheckIns)).Select(p => p.PartnerId).ToList();
        var earliest = sharers.Count == 0 ? DateOnly.MaxValue : access.Partners.Where(p => sharers.Contains(p.PartnerId)).Min(p => p.From);
        var weekLimit = from is null ? RecentWeeks * 2 : 200;

        var thisWeek = ThisWeekOf(access).Key;
        // A partner's answers reach anyone else only once the week is revealed: both answered, or the week is over.
        var checkInRows = sharers.Count == 0 ? [] : await db.CheckIns.AsNoTracking()
            .Where(c => (c.SealedAt != null || c.WeekKey < thisWeek) && c.CoupleId == coupleId && sharers.Contains(c.AuthorId) && c.WeekStart >= earliest && c.WeekStart >= lower && c.WeekStart <= upper)
            .OrderByDescending(c => c.WeekKey)
            .Take(weekLimit)
            .Select(c => new CheckInRow(c.CoupleId, c.AuthorId, c.WeekKey, c.WeekStart, true, new Ratings(c.Trust, c.FeelingHeard, c.Connection, c.FollowThrough, c.EmotionalSafety), c.WentWell, c.OnMyMind, c.SmallStep))
            .ToListAsync(ct);
        var checkIns = checkInRows
            .Where(r => Consented(access, r.AuthorId, ConsentScope.CheckIns, r.WeekStart))
            .Select(r => new CoupleRecord.CheckInEntry(r.AuthorId, names[r.AuthorId], IsoWeek.FromKey(r.WeekKey), r.Ratings, r.WentWell, r.OnMyMind, r.SmallStep))
            .ToList();
        var divergent = checkIns.GroupBy(c => c.Week.Key)
            .Where(g => g.Count() == 2)
            .Select(g => new CoupleRecord.DivergentWeek(g.First().Week, g.First().Ratings.DifferencesFrom(g.Last().Ratings)))
            .Where(w => w.Dimensions.Count > 0)
            .ToList();

        return new CoupleRecord(
            access,
            from,
            to,
            checkIns,
            divergent,
            await FeelingsAsync(access, coupleId, names, lower, upper, ct),
            await JournalAsync(access, names, lower, upper, ct),
            await ReflectionsAsync(access, names, lower, upper, ct),
            access.SharesExpectations ? await ExpectationsAsync(coupleId, ct) : []);
    }

    private sealed record CheckInRow(int CoupleId, string AuthorId, int WeekKey, DateOnly WeekStart, bool Sealed, Ratings Ratings, string? WentWell, string? OnMyMind, string? SmallStep);

    private static bool Consented(CoupleAccess access, string partnerId, ConsentScope scope, DateOnly date) =>
        access.Partners.SingleOrDefault(p => p.PartnerId == partnerId) is { } partner && partner.Shares(scope) && date >= partner.From;

    // Consent dates are days in the couple's time zone; stored times are UTC.
    private static DateTime StartOfDay(CoupleAccess access, DateOnly date) => date == DateOnly.MinValue
        ? DateTime.MinValue
        : TimeZoneInfo.ConvertTimeToUtc(date.ToDateTime(TimeOnly.MinValue), TimeZoneInfo.FindSystemTimeZoneById(access.TimeZoneId));

    private static DateTime EndOfDay(CoupleAccess access, DateOnly date) => date >= DateOnly.MaxValue.AddDays(-1)
        ? DateTime.MaxValue
        : StartOfDay(access, date.AddDays(1));

    private IsoWeek ThisWeekOf(CoupleAccess couple) => IsoWeek.Current(time, TimeZoneInfo.FindSystemTimeZoneById(couple.TimeZoneId));

    // Each consenting partner's rows from their own start date, both partners in one statement (UNION ALL).
    private static IQueryable<T>? EachSharing<T>(CoupleAccess access, ConsentScope scope, Func<PartnerConsent, IQueryable<T>> rowsOf) =>
        access.Partners.Where(p => p.Shares(scope)).Select(rowsOf).Aggregate((IQueryable<T>?)null, (all, next) => all is null ? next : all.Concat(next));

    private async Task<List<CoupleRecord.FeelingEntry>> FeelingsAsync(CoupleAccess access, int coupleId, Dictionary<string, string> names, DateOnly lower, DateOnly upper, CancellationToken ct)
    {
        var end = EndOfDay(access, upper);
        var query = EachSharing(access, ConsentScope.Feelings, partner =>
        {
            var (authorId, start) = (partner.PartnerId, StartOfDay(access, partner.From > lower ? partner.From : lower));
            return db.FeelingStatements.Where(f => f.CoupleId == coupleId && f.AuthorId == authorId && f.SharedAt != null && f.SharedAt >= start && f.SharedAt < end);
        });
        var rows = query is null ? [] : await query.AsNoTracking()
            .OrderByDescending(f => f.SharedAt)
            .Select(f => new { f.AuthorId, f.Feeling, f.Situation, f.Need, f.SharedAt, f.AcknowledgedAt, f.TalkedAboutAt })
            .ToListAsync(ct);
        return rows.Select(f => new CoupleRecord.FeelingEntry(names[f.AuthorId], FeelingWords.Compose(f.Feeling, f.Situation, f.Need), f.SharedAt!.Value, f.AcknowledgedAt, f.TalkedAboutAt)).ToList();
    }

    private async Task<List<CoupleRecord.JournalItem>> JournalAsync(CoupleAccess access, Dictionary<string, string> names, DateOnly lower, DateOnly upper, CancellationToken ct)
    {
        var end = EndOfDay(access, upper);
        var query = EachSharing(access, ConsentScope.Journal, partner =>
        {
            var (authorId, start) = (partner.PartnerId, StartOfDay(access, partner.From > lower ? partner.From : lower));
            return db.JournalEntries
                .Where(e => e.AuthorId == authorId && e.ShareableWithTherapist && e.CreatedAt >= start && e.CreatedAt < end)
                .OrderByDescending(e => e.CreatedAt)
                .Take(100);
        });
        var rows = query is null ? [] : await query.AsNoTracking().Select(e => new { e.AuthorId, e.Prompt, e.Text, e.CreatedAt }).ToListAsync(ct);
        return rows.Select(e => new CoupleRecord.JournalItem(names[e.AuthorId], e.Prompt, e.Text, e.CreatedAt)).OrderByDescending(e => e.CreatedAt).ToList();
    }

    private async Task<List<CoupleRecord.ReflectionItem>> ReflectionsAsync(CoupleAccess access, Dictionary<string, string> names, DateOnly lower, DateOnly upper, CancellationToken ct)
    {
        var query = EachSharing(access, ConsentScope.Journal, partner =>
        {
            var (authorId, start) = (partner.PartnerId, partner.From > lower ? partner.From : lower);
            // A month's reflection is shown only when the whole month lies inside the consent.
            var firstMonth = start.Day == 1 || start >= DateOnly.MaxValue.AddMonths(-1) ? start : new DateOnly(start.Year, start.Month, 1).AddMonths(1);
            return db.TrustPatternReflections
                .Where(r => r.AuthorId == authorId && r.ShareableWithTherapist && r.Month >= firstMonth && r.Month <= upper)
                .OrderByDescending(r => r.Month)
                .Take(24);
        });
        var rows = query is null ? [] : await query.AsNoTracking()
            .Select(r => new
            {
                r.AuthorId,
                r.Month,
                Ratings = new PatternRatings(r.CheckingForReassurance, r.AvoidingVulnerability, r.ReadingThreats, r.TensionOverTimeApart, r.DoubtingApologies, r.Overthinking, r.GettingDefensive, r.Jealousy, r.PullingAway),
                r.Note,
            })
            .ToListAsync(ct);
        return rows.Select(r => new CoupleRecord.ReflectionItem(names[r.AuthorId], r.Month, r.Ratings, r.Note)).OrderByDescending(r => r.Month).ToList();
    }

    private async Task<List<CoupleRecord.ExpectationItem>> ExpectationsAsync(int coupleId, CancellationToken ct)
    {
        var since = Now.AddDays(-28);
        return (await db.Expectations.AsNoTracking()
            .Where(e => e.CoupleId == coupleId && e.RemovedAt == null)
            .OrderBy(e => e.Position).ThenBy(e => e.Id)
            .Select(e => new
            {
                e.Need,
                e.Action,
                e.Frequency,
                e.CustomFrequency,
                Done = db.FollowThroughs.Count(f => f.ExpectationId == e.Id && f.DoneAt >= since),
                Noticed = db.FollowThroughs.Count(f => f.ExpectationId == e.Id && f.DoneAt >= since && f.NoticedAt != null),
            })
            .ToListAsync(ct))
            .Select(e => new CoupleRecord.ExpectationItem(e.Need, e.Action, ExpectationContent.Describe(e.Frequency, e.CustomFrequency), FollowThroughSummary.Sentence(e.Done, e.Noticed)))
            .ToList();
    }
}
