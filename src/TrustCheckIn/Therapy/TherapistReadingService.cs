using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using TrustCheckIn.CheckIns;
using TrustCheckIn.Data;
using TrustCheckIn.Expectations;
using TrustCheckIn.Feelings;
using TrustCheckIn.Journal;

namespace TrustCheckIn.Therapy;

// The therapist's reading of linked couples. Consent is read from the database on every call, never cached,
// and every look at a couple (allowed or refused) writes one access-log row.
public sealed class TherapistReadingService(AppDbContext db, TimeProvider time, ILogger<TherapistReadingService> logger)
{
    public const int RecentWeeks = 12;

    // A dated summary reads at most this many check-ins (about two years of both partners' weeks).
    public const int SummaryCheckInLimit = 200;

    // Per partner, the newest journal entries and monthly reflections a page shows.
    public const int JournalEntryLimit = 100;
    public const int ReflectionMonths = 24;

    public sealed record DashboardWeek(IsoWeek Week, double? AverageA, double? AverageB, bool Diverges);

    public sealed record DashboardCouple(CoupleAccess Access, IReadOnlyList<DashboardWeek> Weeks);

    private DateTime Now => time.GetUtcNow().UtcDateTime;

    // Linked couples with each partner's current consent. Listing shows names and consent only; data
    // shown on the dashboard is logged by the caller through LogAsync.
    public async Task<List<CoupleAccess>> ListCouplesAsync(string therapistId, CancellationToken ct = default)
    {
        var coupleIds = await ActiveLinksOf(therapistId).Select(l => l.CoupleId).ToListAsync(ct);
        return await LoadAccessAsync(therapistId, coupleIds, ct);
    }

    // Opens one couple for a page: null (and a refused row in the log) when the therapist has no active
    // link to an active couple; otherwise the consent as it stands right now, logged with what is shown.
    public async Task<CoupleAccess?> OpenAsync(string therapistId, int coupleId, AccessKind kind, CancellationToken ct = default)
    {
        var access = (await LoadAccessAsync(therapistId, [coupleId], ct)).SingleOrDefault();
        await LogAsync(therapistId, coupleId, kind, access?.Visible ?? ConsentScope.None, ct);
        return access;
    }

    public Task LogAsync(string therapistId, int coupleId, AccessKind kind, ConsentScope shown, CancellationToken ct = default) =>
        LogAsync(therapistId, [(coupleId, shown)], kind, ct);

    // One append-only row per couple looked at, written together.
    private async Task LogAsync(string therapistId, IReadOnlyList<(int CoupleId, ConsentScope Shown)> views, AccessKind kind, CancellationToken ct)
    {
        if (views.Count == 0)
        {
            return;
        }

        var name = await db.TherapistProfiles.Where(p => p.UserId == therapistId).Select(p => p.DisplayName).SingleOrDefaultAsync(ct)
            ?? await db.Users.Where(u => u.Id == therapistId).Select(u => u.DisplayName).SingleAsync(ct);
        var now = Now;
        db.AccessLog.AddRange(views.Select(v => new AccessLogEntry(v.CoupleId, therapistId, name, kind, v.Shown, now)));
        await db.SaveChangesAsync(ct);
        foreach (var (coupleId, _) in views.Where(v => v.Shown == ConsentScope.None))
        {
            logger.LogInformation("Therapist {TherapistId} was shown nothing of couple {CoupleId} ({Kind})", therapistId, coupleId, kind);
        }
    }

    // Only a couple still together: a closed couple's record is no longer the therapist's to read.
    private IQueryable<TherapistLink> ActiveLinksOf(string therapistId) =>
        db.TherapistLinks.Active().Where(l => l.TherapistId == therapistId && db.Couples.Any(c => c.Id == l.CoupleId && c.ClosedAt == null));

    private async Task<List<CoupleAccess>> LoadAccessAsync(string therapistId, List<int> coupleIds, CancellationToken ct)
    {
        var rows = await ActiveLinksOf(therapistId)
            .Where(l => coupleIds.Contains(l.CoupleId))
            .Join(db.Couples, l => l.CoupleId, c => c.Id, (l, c) => new
            {
                LinkId = l.Id,
                l.CoupleId,
                c.TimeZoneId,
                l.LinkedAt,
                c.PartnerAId,
                NameA = c.PartnerA!.DisplayName,
                c.PartnerBId,
                NameB = c.PartnerB!.DisplayName,
            })
            .AsNoTracking()
            .ToListAsync(ct);
        var linkIds = rows.Select(r => r.LinkId).ToList();
        var consents = await db.Consents.AsNoTracking()
            .Where(c => linkIds.Contains(c.LinkId) && c.RevokedAt == null)
            .Select(c => new { c.LinkId, c.PartnerId, c.Scopes, c.StartsOn, c.GrantedAt })
            .ToListAsync(ct);

        PartnerConsent ConsentOf(int linkId, string partnerId, string name) =>
            consents.SingleOrDefault(c => c.LinkId == linkId && c.PartnerId == partnerId) is { } c
                ? new PartnerConsent(partnerId, name, c.Scopes, c.StartsOn, c.GrantedAt)
                : new PartnerConsent(partnerId, name, ConsentScope.None, null, null);

        return rows.Select(r => new CoupleAccess(r.CoupleId, r.TimeZoneId, r.LinkedAt, ConsentOf(r.LinkId, r.PartnerAId, r.NameA), ConsentOf(r.LinkId, r.PartnerBId, r.NameB))).ToList();
    }

    // The dashboard: every linked couple with the consented partners' recent check-in averages, read in one
    // query for all couples; each couple whose scores are shown gets one access-log row.
    public async Task<List<DashboardCouple>> DashboardAsync(string therapistId, CancellationToken ct = default)
    {
        var couples = await ListCouplesAsync(therapistId, ct);
        var showing = couples.Where(c => c.Visible.HasFlag(ConsentScope.CheckIns)).Select(c => c.CoupleId).ToList();
        var since = IsoWeek.Of(DateOnly.FromDateTime(Now)).AddWeeks(-RecentWeeks - 1).Key;
        var rows = showing.Count == 0 ? [] : await db.CheckIns.AsNoTracking()
            .Where(c => showing.Contains(c.CoupleId) && c.WeekKey > since)
            .Rows()
            .Select(r => new { r.CoupleId, r.AuthorId, r.WeekKey, r.WeekStart, r.Sealed, r.Ratings })
            .ToListAsync(ct);

        var result = new List<DashboardCouple>(couples.Count);
        foreach (var couple in couples)
        {
            var thisWeek = ThisWeekOf(couple).Key;
            var visible = rows.Where(r => r.CoupleId == couple.CoupleId && (r.Sealed || r.WeekKey < thisWeek)
                && couple.Consented(r.AuthorId, ConsentScope.CheckIns, r.WeekStart)).ToList();
            var weeks = visible.GroupBy(r => r.WeekKey).OrderByDescending(g => g.Key).Select(g =>
            {
                var a = g.SingleOrDefault(r => r.AuthorId == couple.A.PartnerId);
                var b = g.SingleOrDefault(r => r.AuthorId == couple.B.PartnerId);
                return new DashboardWeek(IsoWeek.FromKey(g.Key), a?.Ratings.Average, b?.Ratings.Average, a is not null && b is not null && a.Ratings.DifferencesFrom(b.Ratings).Count > 0);
            }).ToList();
            result.Add(new DashboardCouple(couple, weeks));
        }

        await LogAsync(therapistId, showing.Select(id => (id, ConsentScope.CheckIns)).ToList(), AccessKind.Dashboard, ct);
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
        // Both partners' rows of the recent weeks, or a dated summary's longer stretch.
        var rowLimit = from is null ? RecentWeeks * 2 : SummaryCheckInLimit;

        var thisWeek = ThisWeekOf(access).Key;
        // A partner's answers reach anyone else only once the week is revealed: both answered, or the week is over.
        var checkInRows = sharers.Count == 0 ? [] : await db.CheckIns.AsNoTracking()
            .Where(c => (c.SealedAt != null || c.WeekKey < thisWeek) && c.CoupleId == coupleId && sharers.Contains(c.AuthorId) && c.WeekStart >= earliest && c.WeekStart >= lower && c.WeekStart <= upper)
            .OrderByDescending(c => c.WeekKey)
            .Take(rowLimit)
            .Rows()
            .ToListAsync(ct);
        var checkIns = checkInRows
            .Where(r => access.Consented(r.AuthorId, ConsentScope.CheckIns, r.WeekStart))
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

    // Consent dates are days in the couple's time zone; stored times are UTC.
    private static DateTime StartOfDay(CoupleAccess access, DateOnly date) => date == DateOnly.MinValue
        ? DateTime.MinValue
        : TimeZoneInfo.ConvertTimeToUtc(date.ToDateTime(TimeOnly.MinValue), TimeZoneInfo.FindSystemTimeZoneById(access.TimeZoneId));

    private static DateTime EndOfDay(CoupleAccess access, DateOnly date) => date >= DateOnly.MaxValue.AddDays(-1)
        ? DateTime.MaxValue
        : StartOfDay(access, date.AddDays(1));

    private IsoWeek ThisWeekOf(CoupleAccess couple) => IsoWeek.Current(time, TimeZoneInfo.FindSystemTimeZoneById(couple.TimeZoneId));

    private async Task<List<CoupleRecord.FeelingEntry>> FeelingsAsync(CoupleAccess access, int coupleId, Dictionary<string, string> names, DateOnly lower, DateOnly upper, CancellationToken ct)
    {
        var result = new List<CoupleRecord.FeelingEntry>();
        foreach (var partner in access.Partners.Where(p => p.Shares(ConsentScope.Feelings)))
        {
            var start = StartOfDay(access, partner.From > lower ? partner.From : lower);
            var end = EndOfDay(access, upper);
            var rows = await db.FeelingStatements.AsNoTracking()
                .Where(f => f.CoupleId == coupleId && f.AuthorId == partner.PartnerId && f.SharedAt != null && f.SharedAt >= start && f.SharedAt < end)
                .OrderByDescending(f => f.SharedAt)
                .Select(f => new { f.Feeling, f.Situation, f.Need, f.SharedAt, f.AcknowledgedAt, f.TalkedAboutAt })
                .ToListAsync(ct);
            result.AddRange(rows.Select(f => new CoupleRecord.FeelingEntry(names[partner.PartnerId], FeelingWords.Compose(f.Feeling, f.Situation, f.Need), f.SharedAt!.Value, f.AcknowledgedAt, f.TalkedAboutAt)));
        }

        return result.OrderByDescending(f => f.SharedAt).ToList();
    }

    private async Task<List<CoupleRecord.JournalItem>> JournalAsync(CoupleAccess access, Dictionary<string, string> names, DateOnly lower, DateOnly upper, CancellationToken ct)
    {
        var result = new List<CoupleRecord.JournalItem>();
        foreach (var partner in access.Partners.Where(p => p.Shares(ConsentScope.Journal)))
        {
            var start = StartOfDay(access, partner.From > lower ? partner.From : lower);
            var end = EndOfDay(access, upper);
            result.AddRange(await db.JournalEntries.AsNoTracking()
                .Where(e => e.AuthorId == partner.PartnerId && e.ShareableWithTherapist && e.CreatedAt >= start && e.CreatedAt < end)
                .OrderByDescending(e => e.CreatedAt)
                .Take(JournalEntryLimit)
                .Select(e => new CoupleRecord.JournalItem(names[partner.PartnerId], e.Prompt, e.Text, e.CreatedAt))
                .ToListAsync(ct));
        }

        return result.OrderByDescending(e => e.CreatedAt).ToList();
    }

    private async Task<List<CoupleRecord.ReflectionItem>> ReflectionsAsync(CoupleAccess access, Dictionary<string, string> names, DateOnly lower, DateOnly upper, CancellationToken ct)
    {
        var result = new List<CoupleRecord.ReflectionItem>();
        foreach (var partner in access.Partners.Where(p => p.Shares(ConsentScope.Journal)))
        {
            var start = partner.From > lower ? partner.From : lower;
            // A month's reflection is shown only when the whole month lies inside the consent.
            var firstMonth = start.Day == 1 || start >= DateOnly.MaxValue.AddMonths(-1) ? start : new DateOnly(start.Year, start.Month, 1).AddMonths(1);
            result.AddRange(await db.TrustPatternReflections.AsNoTracking()
                .Where(r => r.AuthorId == partner.PartnerId && r.ShareableWithTherapist && r.Month >= firstMonth && r.Month <= upper)
                .OrderByDescending(r => r.Month)
                .Take(ReflectionMonths)
                .Select(r => new CoupleRecord.ReflectionItem(
                    names[partner.PartnerId],
                    r.Month,
                    new PatternRatings(r.CheckingForReassurance, r.AvoidingVulnerability, r.ReadingThreats, r.TensionOverTimeApart, r.DoubtingApologies, r.Overthinking, r.GettingDefensive, r.Jealousy, r.PullingAway),
                    r.Note))
                .ToListAsync(ct));
        }

        return result.OrderByDescending(r => r.Month).ToList();
    }

    private async Task<List<CoupleRecord.ExpectationItem>> ExpectationsAsync(int coupleId, CancellationToken ct) =>
        (await db.RowsLately(coupleId, Now).ToListAsync(ct))
            .Select(e => new CoupleRecord.ExpectationItem(e.Need, e.Action, ExpectationContent.Describe(e.Frequency, e.CustomFrequency), FollowThroughSummary.Sentence(e.Done, e.Noticed)))
            .ToList();
}
