using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using TrustCheckIn.Accounts;
using TrustCheckIn.CheckIns;
using TrustCheckIn.Couples;
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

    // A revealed week on the dashboard: each consenting partner's own answers, and the questions they are apart on.
    public sealed record DashboardWeek(IsoWeek Week, Ratings? A, Ratings? B, IReadOnlyList<CheckInDimension> Apart);

    // The parts of a dashboard card beyond the check-ins, each null when its consent is missing: statements of a
    // sharing partner that wait for the other's acknowledgement; follow-through on the table in the last four weeks
    // and whether its review is overdue (both share expectations); the open agenda items of sharing authors.
    public sealed record DashboardExtras(int? StatementsWaiting, int? FollowThroughLately, bool? ReviewOverdue, IReadOnlyList<CoupleRecord.AgendaEntry>? Agenda)
    {
        public static DashboardExtras None { get; } = new(null, null, null, null);
    }

    // Weeks newest first. LocalNow is the couple's clock, as the agenda's times are.
    public sealed record DashboardCouple(CoupleAccess Access, IReadOnlyList<DashboardWeek> Weeks, DashboardExtras Extras, DateTime LocalNow)
    {
        public DashboardWeek? LastRevealed => Weeks.Count > 0 ? Weeks[0] : null;

        // Agenda items raised in the last week are new: the session they are for is probably the next one.
        public const int NewAgendaDays = 7;

        public bool IsNew(CoupleRecord.AgendaEntry item) => LocalNow - item.AddedAt < TimeSpan.FromDays(NewAgendaDays);

        public bool HasNewAgenda => Extras.Agenda?.Any(IsNew) == true;

        // A couple whose newest revealed week shows them apart, or who raised something new, comes first: that is the conversation to prepare.
        public bool NeedsALook => LastRevealed is { Apart.Count: > 0 } || HasNewAgenda;

        public IReadOnlyList<DashboardWeek> ApartWeeks => Weeks.Where(w => w.Apart.Count > 0).ToList();

        // A partner's newest answered weeks (six: about a month and a half between sessions), per question.
        public const int TrendWeeks = 6;

        public IReadOnlyList<QuestionTrend> TrendsOf(PartnerConsent partner) =>
            QuestionTrend.Of(Weeks.Reverse().Select(w => partner.PartnerId == Access.A.PartnerId ? w.A : w.B).OfType<Ratings>().TakeLast(TrendWeeks));
    }

    // The dashboard's couples, those that need a look first, and whether the therapist has set up a profile yet.
    public sealed record Dashboard(IReadOnlyList<DashboardCouple> Couples, bool HasProfile);

    private DateTime Now => time.GetUtcNow().UtcDateTime;

    // Linked couples with each partner's current consent. Listing shows names and consent only; data
    // shown on the dashboard is logged by the caller through LogAsync.
    public async Task<List<CoupleAccess>> ListCouplesAsync(string therapistId, CancellationToken ct = default) =>
        (await LoadAccessAsync(therapistId, null, ct)).Couples;

    // Opens one couple for a page: null (and a refused row in the log) when the therapist has no active
    // link to an active couple; otherwise the consent as it stands right now, logged with what is shown.
    // showing: the scopes the page can show at most (all for the couple page and summary).
    public async Task<CoupleAccess?> OpenAsync(string therapistId, int coupleId, AccessKind kind, CancellationToken ct = default, ConsentScope showing = AllScopes)
    {
        var loaded = await LoadAccessAsync(therapistId, coupleId, ct);
        var access = loaded.Couples.SingleOrDefault();
        await LogAsync(therapistId, [(coupleId, access?.Visible & showing ?? ConsentScope.None)], kind, ct, loaded.TherapistName);
        return access;
    }

    private const ConsentScope AllScopes = (ConsentScope)~0;

    // The consent as it stands, without a log row: for a write that logs itself with what it did.
    internal async Task<CoupleAccess?> AccessAsync(string therapistId, int coupleId, CancellationToken ct = default) =>
        (await LoadAccessAsync(therapistId, coupleId, ct)).Couples.SingleOrDefault();

    public Task LogAsync(string therapistId, int coupleId, AccessKind kind, ConsentScope shown, CancellationToken ct = default) =>
        LogAsync(therapistId, [(coupleId, shown)], kind, ct);

    // One append-only row per couple looked at, written together.
    private async Task LogAsync(string therapistId, IReadOnlyList<(int CoupleId, ConsentScope Shown)> views, AccessKind kind, CancellationToken ct, string? knownName = null)
    {
        if (views.Count == 0)
        {
            return;
        }

        var name = knownName ?? await NameOf(db, therapistId).SingleAsync(ct);
        var now = Now;
        db.AccessLog.AddRange(views.Select(v => new AccessLogEntry(v.CoupleId, therapistId, name, kind, v.Shown, now)));
        await db.SaveChangesAsync(ct);
        foreach (var (coupleId, _) in views.Where(v => v.Shown == ConsentScope.None))
        {
            logger.LogInformation("Therapist {TherapistId} was shown nothing of couple {CoupleId} ({Kind})", therapistId, coupleId, kind);
        }
    }

    // Only a couple still together: a closed couple's record is no longer the therapist's to read.
    [InlinedFrom(nameof(ActiveLinksQuery))]
    private static IQueryable<TherapistLink> ActiveLinksOf(AppDbContext db, string therapistId) => ActiveLinksQuery.Run(db, therapistId);

    private static readonly Inlined<Func<AppDbContext, string, IQueryable<TherapistLink>>> ActiveLinksQuery = new((db, therapistId) =>
        db.TherapistLinks.Active().Where(l => l.TherapistId == therapistId && db.Couples.Any(c => c.Id == l.CoupleId && c.ClosedAt == null)));

    // The name the access log keeps: the profile's, or the account's before a profile exists.
    [InlinedFrom(nameof(NameQuery))]
    private static IQueryable<string> NameOf(AppDbContext db, string therapistId) => NameQuery.Run(db, therapistId);

    private static readonly Inlined<Func<AppDbContext, string, IQueryable<string>>> NameQuery = new((db, therapistId) =>
        db.Users.Where(u => u.Id == therapistId)
            .Select(u => db.TherapistProfiles.Where(p => p.UserId == u.Id).Select(p => p.DisplayName).FirstOrDefault() ?? u.DisplayName));

    // TherapistName and HasProfile come with the links: null when there is none.
    private sealed record Loaded(List<CoupleAccess> Couples, string? TherapistName, bool? HasProfile);

    private sealed record StandingConsent(string PartnerId, ConsentScope Scopes, DateOnly? StartsOn, DateTime GrantedAt);

    private sealed record AccessRow(
        int CoupleId, int LinkId, string TimeZoneId, DateTime FormedAt, DateTime LinkedAt, string PartnerAId, string NameA, string PartnerBId, string NameB,
        string? TherapistName, bool HasProfile, int? LastPauseEndKey, List<StandingConsent> Consents);

    // The links (all the therapist's, or one couple's) with both partners' standing consents, compiled once each.
    private static readonly CompiledPerModel<Func<AppDbContext, string, IAsyncEnumerable<AccessRow>>> AllAccess = new(() =>
        EF.CompileAsyncQuery(InlinedQueries.Expand((AppDbContext db, string therapistId) => AccessRows(db, therapistId, ActiveLinksOf(db, therapistId)))));

    private static readonly CompiledPerModel<Func<AppDbContext, string, int, IAsyncEnumerable<AccessRow>>> OneCoupleAccess = new(() =>
        EF.CompileAsyncQuery(InlinedQueries.Expand((AppDbContext db, string therapistId, int coupleId) =>
            AccessRows(db, therapistId, ActiveLinksOf(db, therapistId).Where(l => l.CoupleId == coupleId)))));

    [InlinedFrom(nameof(AccessRowsQuery))]
    private static IQueryable<AccessRow> AccessRows(AppDbContext db, string therapistId, IQueryable<TherapistLink> links) => AccessRowsQuery.Run(db, therapistId, links);

    private static readonly Inlined<Func<AppDbContext, string, IQueryable<TherapistLink>, IQueryable<AccessRow>>> AccessRowsQuery = new((db, therapistId, links) =>
        from l in links
        join c in db.Couples on l.CoupleId equals c.Id
        select new AccessRow(
            l.CoupleId,
            l.Id,
            c.TimeZoneId,
            c.FormedAt,
            l.LinkedAt,
            c.PartnerAId,
            c.PartnerA!.DisplayName,
            c.PartnerBId,
            c.PartnerB!.DisplayName,
            NameOf(db, therapistId).FirstOrDefault(),
            db.TherapistProfiles.Any(p => p.UserId == therapistId),
            db.CouplePauses.Where(p => p.CoupleId == c.Id && p.Status == PauseStatus.Accepted).Max(p => p.EndWeekKey),
            db.Consents.Where(x => x.LinkId == l.Id && x.RevokedAt == null).Select(x => new StandingConsent(x.PartnerId, x.Scopes, x.StartsOn, x.GrantedAt)).ToList()));

    // The active links (all, or one couple's) with both partners' standing consents and the therapist's name: one statement.
    private async Task<Loaded> LoadAccessAsync(string therapistId, int? coupleId, CancellationToken ct)
    {
        var rows = await (coupleId is { } id ? OneCoupleAccess.For(db)(db, therapistId, id) : AllAccess.For(db)(db, therapistId)).ToListAsync(ct);
        return new Loaded(
            rows.Select(r =>
            {
                PartnerConsent ConsentOf(string partnerId, string name) =>
                    r.Consents.SingleOrDefault(c => c.PartnerId == partnerId) is { } c
                        ? new PartnerConsent(partnerId, name, c.Scopes, c.StartsOn, c.GrantedAt)
                        : new PartnerConsent(partnerId, name, ConsentScope.None, null, null);
                return new CoupleAccess(r.CoupleId, r.LinkId, r.TimeZoneId, r.FormedAt, r.LinkedAt, ConsentOf(r.PartnerAId, r.NameA), ConsentOf(r.PartnerBId, r.NameB), r.LastPauseEndKey);
            }).ToList(),
            rows.FirstOrDefault()?.TherapistName,
            rows.Count == 0 ? null : rows[0].HasProfile);
    }

    // The dashboard's reads, each one statement for all the couples whose consent allows that part, compiled once.
    private sealed record DashboardCheckIn(int CoupleId, string AuthorId, int WeekKey, DateOnly WeekStart, bool Sealed, Ratings Ratings);

    private sealed record WaitingStatement(int CoupleId, string AuthorId, DateTime SharedAt);

    private sealed record OpenAgendaItem(int Id, int CoupleId, string AuthorId, string Text, DateTime AddedAt);

    private sealed record TableLately(int Id, int? Interval, DateTime? LastReviewedAt, DateTime? FirstRow, int Done);

    private static readonly CompiledPerModel<Func<AppDbContext, int[], int, IAsyncEnumerable<DashboardCheckIn>>> DashboardCheckIns = new(() =>
        EF.CompileAsyncQuery(InlinedQueries.Expand((AppDbContext db, int[] couples, int since) =>
            db.CheckIns.Where(c => couples.Contains(c.CoupleId) && c.WeekKey > since)
                .Rows()
                .Select(r => new DashboardCheckIn(r.CoupleId, r.AuthorId, r.WeekKey, r.WeekStart, r.Sealed, r.Ratings)))));

    private static readonly CompiledPerModel<Func<AppDbContext, int[], IAsyncEnumerable<WaitingStatement>>> WaitingStatements = new(() =>
        EF.CompileAsyncQuery((AppDbContext db, int[] couples) =>
            db.FeelingStatements.Where(f => couples.Contains(f.CoupleId) && f.SharedAt != null && f.AcknowledgedAt == null)
                .Select(f => new WaitingStatement(f.CoupleId, f.AuthorId, f.SharedAt!.Value))));

    private static readonly CompiledPerModel<Func<AppDbContext, int[], IAsyncEnumerable<OpenAgendaItem>>> OpenAgenda = new(() =>
        EF.CompileAsyncQuery((AppDbContext db, int[] couples) =>
            db.AgendaItems.Where(a => couples.Contains(a.CoupleId) && a.TalkedAboutAt == null)
                .OrderBy(a => a.Id)
                .Select(a => new OpenAgendaItem(a.Id, a.CoupleId, a.AuthorId, a.Text, a.AddedAt))));

    private static readonly CompiledPerModel<Func<AppDbContext, int[], DateTime, IAsyncEnumerable<TableLately>>> TablesLately = new(() =>
        EF.CompileAsyncQuery((AppDbContext db, int[] couples, DateTime recent) =>
            from c in db.Couples
            where couples.Contains(c.Id)
            join t in db.ExpectationTables on c.Id equals t.CoupleId into table
            from t in table.DefaultIfEmpty()
            select new TableLately(
                c.Id,
                t == null ? null : (int?)t.ReviewIntervalWeeks,
                t == null ? null : t.LastReviewedAt,
                db.Expectations.Where(e => e.CoupleId == c.Id && e.RemovedAt == null).Min(e => (DateTime?)e.CreatedAt),
                db.FollowThroughs.Count(f => f.CoupleId == c.Id && f.DoneAt >= recent))));

    // What the dashboard may show of a couple at most; the log row says what of it the couple's consent allowed.
    private const ConsentScope DashboardScopes = ConsentScope.CheckIns | ConsentScope.Feelings | ConsentScope.Expectations | ConsentScope.Agenda;

    // The dashboard: every linked couple with the consented partners' recent answers per question and the other
    // parts of its card, each part read in one query for all couples; each couple shown anything gets one access-log row.
    public async Task<Dashboard> DashboardAsync(string therapistId, CancellationToken ct = default)
    {
        var loaded = await LoadAccessAsync(therapistId, null, ct);
        // The profile is read with the links; without any link it takes a statement of its own.
        var hasProfile = loaded.HasProfile ?? await db.TherapistProfiles.AnyAsync(p => p.UserId == therapistId, ct);
        var couples = loaded.Couples;
        int[] Sharing(ConsentScope scope) => [.. couples.Where(c => c.Visible.HasFlag(scope)).Select(c => c.CoupleId)];
        var showing = Sharing(ConsentScope.CheckIns);
        var since = IsoWeek.Of(DateOnly.FromDateTime(Now)).AddWeeks(-RecentWeeks - 1).Key;
        var rows = showing.Length == 0 ? [] : await DashboardCheckIns.For(db)(db, showing, since).ToListAsync(ct);
        var extras = await DashboardExtrasAsync(couples, Sharing, ct);

        var now = Now;
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
                return new DashboardWeek(IsoWeek.FromKey(g.Key), a?.Ratings, b?.Ratings, a is not null && b is not null ? a.Ratings.DifferencesFrom(b.Ratings) : []);
            }).ToList();
            result.Add(new DashboardCouple(couple, weeks, extras.GetValueOrDefault(couple.CoupleId, DashboardExtras.None), couple.Local(now)));
        }

        var logged = couples.Select(c => (c.CoupleId, Shown: c.Visible & DashboardScopes)).Where(v => v.Shown != ConsentScope.None).ToList();
        await LogAsync(therapistId, logged, AccessKind.Dashboard, ct, loaded.TherapistName);
        return new Dashboard(result.OrderByDescending(c => c.NeedsALook).ToList(), hasProfile);
    }

    private async Task<Dictionary<int, DashboardExtras>> DashboardExtrasAsync(List<CoupleAccess> couples, Func<ConsentScope, int[]> sharing, CancellationToken ct)
    {
        var feelings = sharing(ConsentScope.Feelings);
        var waiting = feelings.Length == 0 ? [] : await WaitingStatements.For(db)(db, feelings).ToListAsync(ct);
        var agendaCouples = sharing(ConsentScope.Agenda);
        var agenda = agendaCouples.Length == 0 ? [] : await OpenAgenda.For(db)(db, agendaCouples).ToListAsync(ct);
        var tables = sharing(ConsentScope.Expectations);
        var expectations = tables.Length == 0 ? [] : await TablesLately.For(db)(db, tables, Now.AddDays(-FollowThroughSummary.WindowDays)).ToListAsync(ct);

        var now = Now;
        return couples.ToDictionary(c => c.CoupleId, c =>
        {
            DateOnly DayOf(DateTime utc) => DateOnly.FromDateTime(c.Local(utc));
            var table = expectations.SingleOrDefault(e => e.Id == c.CoupleId);
            var names = c.Partners.ToDictionary(p => p.PartnerId, p => p.DisplayName);
            return new DashboardExtras(
                feelings.Contains(c.CoupleId) ? waiting.Count(w => w.CoupleId == c.CoupleId && c.Consented(w.AuthorId, ConsentScope.Feelings, DayOf(w.SharedAt))) : null,
                table?.Done,
                table is null ? null : ExpectationTable.IsOverdue(table.LastReviewedAt ?? table.FirstRow, table.Interval ?? ExpectationTable.DefaultReviewIntervalWeeks, now),
                agendaCouples.Contains(c.CoupleId)
                    ? agenda.Where(a => a.CoupleId == c.CoupleId && c.Consented(a.AuthorId, ConsentScope.Agenda, DayOf(a.AddedAt)))
                        .Select(a => new CoupleRecord.AgendaEntry(a.Id, names[a.AuthorId], a.Text, c.Local(a.AddedAt), null)).ToList()
                    : null);
        });
    }

    // The couple's revealed check-ins of the sharing partners in a period, newest first.
    private static readonly CompiledPerModel<Func<AppDbContext, int, int, string[], DateOnly, DateOnly, int, IAsyncEnumerable<CheckInRow>>> RevealedCheckIns = new(() =>
        EF.CompileAsyncQuery(InlinedQueries.Expand((AppDbContext db, int coupleId, int thisWeek, string[] sharers, DateOnly from, DateOnly upper, int limit) =>
            db.CheckIns
                .Where(c => (c.SealedAt != null || c.WeekKey < thisWeek) && c.CoupleId == coupleId && sharers.Contains(c.AuthorId) && c.WeekStart >= from && c.WeekStart <= upper)
                .OrderByDescending(c => c.WeekKey)
                .Take(limit)
                .Rows())));

    // One couple's consented entries, for the couple page or a dated summary. Null (logged as refused) without an active link.
    public async Task<CoupleRecord?> ReadCoupleAsync(string therapistId, int coupleId, AccessKind kind, DateOnly? from = null, DateOnly? to = null, CancellationToken ct = default)
    {
        var access = await OpenAsync(therapistId, coupleId, kind, ct);
        if (access is null)
        {
            return null;
        }

        // Without dates (the couple page) everything is the recent weeks, so the page costs the same after five years as
        // after five weeks; a dated summary reaches further back.
        var lower = from ?? ThisWeekOf(access).AddWeeks(1 - RecentWeeks).Start;
        var upper = to ?? DateOnly.MaxValue;
        var names = access.Partners.ToDictionary(p => p.PartnerId, p => p.DisplayName);
        var sharers = access.Partners.Where(p => p.Shares(ConsentScope.CheckIns)).Select(p => p.PartnerId).ToList();
        var earliest = sharers.Count == 0 ? DateOnly.MaxValue : access.Partners.Where(p => sharers.Contains(p.PartnerId)).Min(p => p.From);
        // Both partners' rows of the recent weeks, or a dated summary's longer stretch.
        var rowLimit = from is null ? RecentWeeks * 2 : SummaryCheckInLimit;

        var thisWeek = ThisWeekOf(access).Key;
        // A partner's answers reach anyone else only once the week is revealed: both answered, or the week is over.
        var checkInRows = sharers.Count == 0 ? [] : await RevealedCheckIns.For(db)(db, coupleId, thisWeek, [.. sharers], earliest > lower ? earliest : lower, upper, rowLimit).ToListAsync(ct);
        var checkIns = checkInRows
            .Where(r => access.Consented(r.AuthorId, ConsentScope.CheckIns, r.WeekStart))
            .Select(r => new CoupleRecord.CheckInEntry(r.AuthorId, names[r.AuthorId], IsoWeek.FromKey(r.WeekKey), r.Ratings, r.WentWell, r.OnMyMind, r.SmallStep) { LastStepOutcome = r.LastStepOutcome })
            .ToList();
        var weeks = sharers.Count == 0 ? [] : await WeekStatesAsync(access, checkIns, ThisWeekOf(access), earliest > lower ? earliest : lower, upper, from is null ? RecentWeeks : SummaryCheckInLimit / 2, ct);
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
            weeks,
            divergent,
            await FeelingsAsync(access, coupleId, names, lower, upper, ct),
            await JournalAsync(access, names, lower, upper, ct),
            await ReflectionsAsync(access, names, lower, upper, ct),
            access.SharesExpectations ? await ExpectationsAsync(coupleId, ct) : [],
            // The summary carries the session's agenda and practice outcomes; the couple page links to them instead.
            kind == AccessKind.Summary ? await AgendaAsync(access, names, lower, upper, ct) : [],
            kind == AccessKind.Summary ? await PracticesAsync(access, names, lower, upper, ct) : [])
        {
            // On the dated summary a therapist prepares a session from; the couple page keeps to its few statements.
            KeptSteps = sharers.Count == 2 && from is not null ? await KeptStepsAsync(access, coupleId, lower, upper, ct) : [],
        };
    }

    public sealed record SessionView(CoupleAccess Access, IReadOnlyList<CoupleRecord.AgendaEntry> Agenda, IReadOnlyList<CoupleRecord.PracticeEntry> Practices);

    // The next-session page: the agenda within each author's consent and the practices within both partners'.
    public async Task<SessionView?> SessionAsync(string therapistId, int coupleId, CancellationToken ct = default)
    {
        var access = await OpenAsync(therapistId, coupleId, AccessKind.Session, ct, ConsentScope.Agenda | ConsentScope.Practice);
        if (access is null)
        {
            return null;
        }

        var names = access.Partners.ToDictionary(p => p.PartnerId, p => p.DisplayName);
        return new SessionView(
            access,
            await AgendaAsync(access, names, DateOnly.MinValue, DateOnly.MaxValue, ct),
            await PracticesAsync(access, names, DateOnly.MinValue, DateOnly.MaxValue, ct));
    }

    // The newest items a page shows of those already talked about; open ones are all shown.
    public const int AgendaTalkedAboutShown = 10;
    public const int PracticesShown = 20;

    // Open items first (oldest first, as they were raised), then the latest talked about; each author's from their consent date.
    private async Task<List<CoupleRecord.AgendaEntry>> AgendaAsync(CoupleAccess access, Dictionary<string, string> names, DateOnly lower, DateOnly upper, CancellationToken ct)
    {
        var sharing = SharingFromStartOfDay(access, ConsentScope.Agenda, lower);
        var rows = await SharedAgenda.ReadAsync(db, access.CoupleId, sharing, EndOfDay(access, upper), ct);
        return rows
            .Select(a => new CoupleRecord.AgendaEntry(a.Id, names[a.AuthorId], a.Text, access.Local(a.AddedAt), a.TalkedAboutAt is { } at ? access.Local(at) : null))
            .ToList();
    }

    // This link's suggestions with both partners' answers, only while both share practice.
    private async Task<List<CoupleRecord.PracticeEntry>> PracticesAsync(CoupleAccess access, Dictionary<string, string> names, DateOnly lower, DateOnly upper, CancellationToken ct)
    {
        if (!access.SharesPractice)
        {
            return [];
        }

        var (start, end) = (StartOfDay(access, lower), EndOfDay(access, upper));
        var rows = await db.Practices.AsNoTracking()
            .Where(p => p.CoupleId == access.CoupleId && p.LinkId == access.LinkId && p.SuggestedAt >= start && p.SuggestedAt < end)
            .OrderByDescending(p => p.Id)
            .Take(PracticesShown)
            .Select(p => new
            {
                p.Id,
                p.Kind,
                p.Text,
                p.DueOn,
                p.SuggestedAt,
                Answers = db.PracticeResponses.Where(r => r.PracticeId == p.Id).Select(r => new { r.AuthorId, r.DoneAt, r.Line }).ToList(),
            })
            .ToListAsync(ct);
        return rows.Select(p => new CoupleRecord.PracticeEntry(p.Id, p.Kind, p.Text, p.DueOn, access.Local(p.SuggestedAt), access.Partners.Select(partner =>
            p.Answers.SingleOrDefault(a => a.AuthorId == partner.PartnerId) is { } a
                ? new CoupleRecord.PracticeAnswer(names[partner.PartnerId], a.DoneAt is not null, a.Line)
                : new CoupleRecord.PracticeAnswer(names[partner.PartnerId], false, null)).ToList())).ToList();
    }

    // From the later of the two partners' start dates, like every joint item.
    private async Task<List<Conversations.KeptStep>> KeptStepsAsync(CoupleAccess access, int coupleId, DateOnly lower, DateOnly upper, CancellationToken ct)
    {
        var start = access.Partners.Max(p => p.From);
        var first = IsoWeek.Of(start > lower ? start : lower).Key;
        var last = upper >= DateOnly.MaxValue.AddDays(-7) ? int.MaxValue : IsoWeek.Of(upper).Key;
        return await db.SharedSteps.AsNoTracking()
            .Where(s => s.CoupleId == coupleId && s.WeekKey >= first && s.WeekKey <= last)
            .OrderByDescending(s => s.WeekKey)
            .Take(RecentWeeks)
            .Select(s => new Conversations.KeptStep(s.WeekKey, s.Text))
            .ToListAsync(ct);
    }

    // The weeks from the later of the couple's forming and the period's start up to this week (at most limit, newest first).
    // A week the couple paused is said to be paused, not missed.
    private async Task<List<CoupleRecord.WeekStatus>> WeekStatesAsync(CoupleAccess access, List<CoupleRecord.CheckInEntry> shown, IsoWeek thisWeek, DateOnly lower, DateOnly upper, int limit, CancellationToken ct)
    {
        var formed = IsoWeek.Of(DateOnly.FromDateTime(access.Local(access.FormedAt)));
        var first = lower > formed.Start ? IsoWeek.Of(lower) : formed;
        var last = upper >= thisWeek.Start ? thisWeek : IsoWeek.Of(upper);
        if (first > last)
        {
            return [];
        }

        var oldest = last.AddWeeks(1 - limit) > first ? last.AddWeeks(1 - limit) : first;
        var paused = access.LastPauseEndKey is not { } lastEnd || lastEnd <= oldest.Key ? [] : await db.CouplePauses.AsNoTracking().Where(p => p.CoupleId == access.CoupleId).Covering(oldest.Key, last.Key)
            .Select(p => new PausedWeeks(p.FirstWeekKey!.Value, p.EndWeekKey!.Value))
            .ToListAsync(ct);
        var revealed = shown.Select(c => c.Week).ToHashSet();
        var states = new List<CoupleRecord.WeekStatus>();
        for (var week = last; week >= first && states.Count < limit; week = week.Previous)
        {
            var state = revealed.Contains(week) ? CoupleRecord.WeekState.Revealed
                : paused.Any(p => p.Includes(week)) ? CoupleRecord.WeekState.Paused
                : week == thisWeek ? CoupleRecord.WeekState.NotYetRevealed
                : CoupleRecord.WeekState.NoCheckIn;
            states.Add(new CoupleRecord.WeekStatus(week, state));
        }

        return states;
    }

    // Consent dates are days in the couple's time zone; stored times are UTC.
    private static DateTime StartOfDay(CoupleAccess access, DateOnly date) => date == DateOnly.MinValue
        ? DateTime.MinValue
        : TimeZoneInfo.ConvertTimeToUtc(date.ToDateTime(TimeOnly.MinValue), access.TimeZone);

    private static DateTime EndOfDay(CoupleAccess access, DateOnly date) => date >= DateOnly.MaxValue.AddDays(-1)
        ? DateTime.MaxValue
        : StartOfDay(access, date.AddDays(1));

    private IsoWeek ThisWeekOf(CoupleAccess couple) => IsoWeek.Current(time, couple.TimeZone);

    private sealed record SharedFeeling(string AuthorId, string Feeling, string Situation, string? Need, DateTime SharedAt, DateTime? AcknowledgedAt, DateTime? TalkedAboutAt);

    private sealed record SharedEntry(string AuthorId, JournalPrompt? Prompt, string Text, DateTime CreatedAt);

    private sealed record SharedReflection(string AuthorId, DateOnly Month, PatternRatings Ratings, string? Note);

    private sealed record SharedAgendaItem(int Id, string AuthorId, string Text, DateTime AddedAt, DateTime? TalkedAboutAt);

    // The readings of shared words (the couple page's three, the summary's and session's agenda), each compiled once per
    // shape (one or both partners sharing).
    private static readonly EachSharingQuery<FeelingStatement, SharedFeeling, DateTime> SharedFeelings = new(
        (db, coupleId, authorId, start, end) =>
            db.FeelingStatements.Where(f => f.CoupleId == coupleId && f.AuthorId == authorId && f.SharedAt != null && f.SharedAt >= start && f.SharedAt < end),
        f => new SharedFeeling(f.AuthorId, f.Feeling, f.Situation, f.Need, f.SharedAt!.Value, f.AcknowledgedAt, f.TalkedAboutAt));

    // Journal entries belong to their author (not to a couple), each partner's newest first.
    private static readonly EachSharingQuery<JournalEntry, SharedEntry, DateTime> SharedEntries = new(
        (db, coupleId, authorId, start, end) =>
            db.JournalEntries
                .Where(e => e.AuthorId == authorId && e.ShareableWithTherapist && e.CreatedAt >= start && e.CreatedAt < end)
                .OrderByDescending(e => e.CreatedAt)
                .Take(JournalEntryLimit),
        e => new SharedEntry(e.AuthorId, e.Prompt, e.Text, e.CreatedAt));

    // Open items first (oldest first, as they were raised), then the latest talked about.
    private static readonly EachSharingQuery<AgendaItem, SharedAgendaItem, DateTime> SharedAgenda = new(
        (db, coupleId, authorId, start, end) => db.AgendaItems.Where(a => a.CoupleId == coupleId && a.AuthorId == authorId && a.AddedAt >= start && a.AddedAt < end),
        a => new SharedAgendaItem(a.Id, a.AuthorId, a.Text, a.AddedAt, a.TalkedAboutAt),
        items => items.OrderBy(a => a.TalkedAboutAt != null).ThenByDescending(a => a.TalkedAboutAt).ThenBy(a => a.Id).Take(AgendaItem.MaxOpen + AgendaTalkedAboutShown));

    private static readonly EachSharingQuery<TrustPatternReflection, SharedReflection, DateOnly> SharedReflections = new(
        (db, coupleId, authorId, firstMonth, upper) =>
            db.TrustPatternReflections
                .Where(r => r.AuthorId == authorId && r.ShareableWithTherapist && r.Month >= firstMonth && r.Month <= upper)
                .OrderByDescending(r => r.Month)
                .Take(ReflectionMonths),
        r => new SharedReflection(
            r.AuthorId,
            r.Month,
            new PatternRatings(r.CheckingForReassurance, r.AvoidingVulnerability, r.ReadingThreats, r.TensionOverTimeApart, r.DoubtingApologies, r.Overthinking, r.GettingDefensive, r.Jealousy, r.PullingAway),
            r.Note));

    // Each partner who shares the scope, from the later of their consent's start and the period's.
    private static List<(string AuthorId, DateOnly From)> SharingFrom(CoupleAccess access, ConsentScope scope, DateOnly lower) =>
        access.Partners.Where(p => p.Shares(scope)).Select(p => (p.PartnerId, p.From > lower ? p.From : lower)).ToList();

    // The same, from the start of that day in the couple's time zone, for rows stamped with a time.
    private static List<(string AuthorId, DateTime From)> SharingFromStartOfDay(CoupleAccess access, ConsentScope scope, DateOnly lower) =>
        SharingFrom(access, scope, lower).Select(p => (p.AuthorId, StartOfDay(access, p.From))).ToList();

    private async Task<List<CoupleRecord.FeelingEntry>> FeelingsAsync(CoupleAccess access, int coupleId, Dictionary<string, string> names, DateOnly lower, DateOnly upper, CancellationToken ct)
    {
        var sharing = SharingFromStartOfDay(access, ConsentScope.Feelings, lower);
        var rows = await SharedFeelings.ReadAsync(db, coupleId, sharing, EndOfDay(access, upper), ct);
        return rows.OrderByDescending(f => f.SharedAt)
            .Select(f => new CoupleRecord.FeelingEntry(names[f.AuthorId], FeelingWords.Compose(f.Feeling, f.Situation, f.Need), f.SharedAt, f.AcknowledgedAt, f.TalkedAboutAt))
            .ToList();
    }

    private async Task<List<CoupleRecord.JournalItem>> JournalAsync(CoupleAccess access, Dictionary<string, string> names, DateOnly lower, DateOnly upper, CancellationToken ct)
    {
        var sharing = SharingFromStartOfDay(access, ConsentScope.Journal, lower);
        var rows = await SharedEntries.ReadAsync(db, access.CoupleId, sharing, EndOfDay(access, upper), ct);
        return rows.Select(e => new CoupleRecord.JournalItem(names[e.AuthorId], e.Prompt, e.Text, e.CreatedAt)).OrderByDescending(e => e.CreatedAt).ToList();
    }

    private async Task<List<CoupleRecord.ReflectionItem>> ReflectionsAsync(CoupleAccess access, Dictionary<string, string> names, DateOnly lower, DateOnly upper, CancellationToken ct)
    {
        // A month's reflection is shown only when the whole month lies inside the consent.
        static DateOnly FirstWholeMonth(DateOnly start) =>
            start.Day == 1 || start >= DateOnly.MaxValue.AddMonths(-1) ? start : new DateOnly(start.Year, start.Month, 1).AddMonths(1);
        var sharing = SharingFrom(access, ConsentScope.Journal, lower).Select(p => (p.AuthorId, FirstWholeMonth(p.From))).ToList();
        var rows = await SharedReflections.ReadAsync(db, access.CoupleId, sharing, upper, ct);
        return rows.Select(r => new CoupleRecord.ReflectionItem(names[r.AuthorId], r.Month, r.Ratings, r.Note)).OrderByDescending(r => r.Month).ToList();
    }

    private async Task<List<CoupleRecord.ExpectationItem>> ExpectationsAsync(int coupleId, CancellationToken ct) =>
        (await db.RowsLatelyAsync(coupleId, Now, ct))
            .Select(e => new CoupleRecord.ExpectationItem(e.Need, e.Action, ExpectationContent.Describe(e.Frequency, e.CustomFrequency), FollowThroughSummary.Sentence(e.Done, e.Noticed)))
            .ToList();
}
