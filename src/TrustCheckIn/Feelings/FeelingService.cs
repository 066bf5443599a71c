using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using TrustCheckIn.Common;
using TrustCheckIn.Couples;
using TrustCheckIn.Data;
using TrustCheckIn.Notifications;

namespace TrustCheckIn.Feelings;

// Who sees a statement: its author always (also after the couple ends); the partner only while it is
// shared and the couple is active. Anything else is "not found". Statement text is never logged.
public sealed class FeelingService(AppDbContext db, TimeProvider time, ILogger<FeelingService> logger)
{
    public const int PageSize = 20;

    public sealed record StatementView(
        int Id,
        string Feeling,
        string Situation,
        string? Need,
        bool ByMe,
        string AuthorName,
        DateTime CreatedAt,
        DateTime? SharedAt,
        DateTime? AcknowledgedAt,
        string? AcknowledgedByName,
        string? Reply,
        DateTime? TalkedAboutAt,
        string? TalkedAboutById,
        string? TalkedAboutByName,
        bool CoupleActive,
        string TimeZoneId)
    {
        public DateTime Local(DateTime utc) => ToCoupleTime(utc, TimeZoneId);

        public FeelingState State => FeelingStatement.StateOf(SharedAt, AcknowledgedAt);

        public string Sentence => FeelingWords.Compose(Feeling, Situation, Need);

        public bool CanEdit => ByMe && CoupleActive && State == FeelingState.Draft;

        public bool CanWithdraw => ByMe && CoupleActive && State == FeelingState.Shared && TalkedAboutAt is null;

        public bool CanAcknowledge => !ByMe && CoupleActive && State == FeelingState.Shared;

        public bool CanMarkTalkedAbout => CoupleActive && State != FeelingState.Draft && TalkedAboutAt is null;
    }

    public sealed record StatementSummary(
        int Id,
        string Feeling,
        string Situation,
        string? Need,
        string AuthorName,
        DateTime UpdatedAt,
        DateTime? SharedAt,
        DateTime? AcknowledgedAt,
        DateTime? TalkedAboutAt,
        string TimeZoneId)
    {
        public DateTime Local(DateTime utc) => ToCoupleTime(utc, TimeZoneId);

        public FeelingState State => FeelingStatement.StateOf(SharedAt, AcknowledgedAt);

        public string Sentence => FeelingWords.Compose(Feeling, Situation, Need);
    }

    public sealed record ListCounts(int Drafts, int SharedByMe, int SharedWithMe);

    public sealed record ListPage(FeelingList List, IReadOnlyList<StatementSummary> Items, int Page, bool HasMore, ListCounts Counts);

    // Dates are shown in the couple's own time zone, the one their check-in day is set in.
    public static DateTime ToCoupleTime(DateTime utc, string timeZoneId) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), new CheckInSchedule(timeZoneId, default).TimeZone);

    private DateTime Now => time.GetUtcNow().UtcDateTime;

    public Task<bool> CanWriteAsync(string userId, CancellationToken ct = default) => InActiveCouple.For(db)(db, userId, ct);

    public Task<StatementView?> GetAsync(string userId, int id, CancellationToken ct = default) =>
        VisibleTo(userId).AsNoTracking()
            .Where(s => s.Id == id)
            .Select(s => new StatementView(
                s.Id,
                s.Feeling,
                s.Situation,
                s.Need,
                s.AuthorId == userId,
                s.Author!.DisplayName,
                s.CreatedAt,
                s.SharedAt,
                s.AcknowledgedAt,
                s.AcknowledgedBy!.DisplayName,
                s.Reply,
                s.TalkedAboutAt,
                s.TalkedAboutById,
                s.TalkedAboutBy!.DisplayName,
                s.Couple!.ClosedAt == null,
                s.Couple.TimeZoneId))
            .SingleOrDefaultAsync(ct);

    // For the composer: only the author's own draft, only while the couple is active.
    public Task<FeelingWords?> GetDraftAsync(string userId, int id, CancellationToken ct = default) =>
        VisibleTo(userId).AsNoTracking()
            .Where(s => s.Id == id && s.AuthorId == userId && s.SharedAt == null && s.Couple!.ClosedAt == null)
            .Select(s => new FeelingWords(s.Feeling, s.Situation, s.Need))
            .SingleOrDefaultAsync(ct);

    // The list page's reads, compiled once each: a list of each kind, the three tab counts in one statement, and
    // whether the person may write (an active couple).
    private static readonly CompiledPerModel<Func<AppDbContext, string, int, int, IAsyncEnumerable<StatementSummary>>> Drafts = new(() =>
        EF.CompileAsyncQuery(InlinedQueries.Expand((AppDbContext db, string userId, int skip, int take) =>
            Summaries(Visible(db, userId).AsNoTracking().Where(s => s.AuthorId == userId && s.SharedAt == null).OrderByDescending(s => s.UpdatedAt), skip, take))));

    private static readonly CompiledPerModel<Func<AppDbContext, string, int, int, IAsyncEnumerable<StatementSummary>>> SharedByMe = new(() =>
        EF.CompileAsyncQuery(InlinedQueries.Expand((AppDbContext db, string userId, int skip, int take) =>
            Summaries(Visible(db, userId).AsNoTracking().Where(s => s.AuthorId == userId && s.SharedAt != null).OrderByDescending(s => s.SharedAt), skip, take))));

    private static readonly CompiledPerModel<Func<AppDbContext, string, int, int, IAsyncEnumerable<StatementSummary>>> SharedWithMe = new(() =>
        EF.CompileAsyncQuery(InlinedQueries.Expand((AppDbContext db, string userId, int skip, int take) =>
            Summaries(Visible(db, userId).AsNoTracking().Where(s => s.AuthorId != userId && s.SharedAt != null).OrderByDescending(s => s.SharedAt), skip, take))));

    private static readonly CompiledPerModel<Func<AppDbContext, string, CancellationToken, Task<ListCounts?>>> Counts = new(() =>
        EF.CompileAsyncQuery(InlinedQueries.Expand((AppDbContext db, string userId, CancellationToken ct) =>
            Visible(db, userId).AsNoTracking().GroupBy(_ => 1)
                .Select(g => new ListCounts(
                    g.Count(s => s.AuthorId == userId && s.SharedAt == null),
                    g.Count(s => s.AuthorId == userId && s.SharedAt != null),
                    g.Count(s => s.AuthorId != userId && s.SharedAt != null)))
                .SingleOrDefault())));

    private static readonly CompiledPerModel<Func<AppDbContext, string, CancellationToken, Task<bool>>> InActiveCouple = new(() =>
        EF.CompileAsyncQuery(InlinedQueries.Expand((AppDbContext db, string userId, CancellationToken ct) => db.Couples.ActiveFor(userId).Any())));

    // Newest first within the list's order, a page at a time.
    [InlinedFrom(nameof(SummariesQuery))]
    private static IQueryable<StatementSummary> Summaries(IOrderedQueryable<FeelingStatement> ordered, int skip, int take) => SummariesQuery.Run(ordered, skip, take);

    private static readonly Inlined<Func<IOrderedQueryable<FeelingStatement>, int, int, IQueryable<StatementSummary>>> SummariesQuery = new((ordered, skip, take) =>
        ordered.ThenByDescending(s => s.Id)
            .Skip(skip)
            .Take(take)
            .Select(s => new StatementSummary(s.Id, s.Feeling, s.Situation, s.Need, s.Author!.DisplayName, s.UpdatedAt, s.SharedAt, s.AcknowledgedAt, s.TalkedAboutAt, s.Couple!.TimeZoneId)));

    public async Task<ListPage> ListAsync(string userId, FeelingList list, int page, CancellationToken ct = default)
    {
        page = Math.Max(1, page);
        var (skip, take) = ((page - 1) * PageSize, PageSize + 1);
        var items = await (list switch
        {
            FeelingList.Drafts => Drafts.For(db)(db, userId, skip, take),
            FeelingList.SharedByMe => SharedByMe.For(db)(db, userId, skip, take),
            _ => SharedWithMe.For(db)(db, userId, skip, take),
        }).ToListAsync(ct);
        var counts = await Counts.For(db)(db, userId, ct) ?? new ListCounts(0, 0, 0);
        return new ListPage(list, items.Take(PageSize).ToList(), page, items.Count > PageSize, counts);
    }

    public async Task<Result<int>> SaveDraftAsync(string userId, FeelingWords words)
    {
        if (FeelingWords.Validate(words) is { } invalid)
        {
            return invalid;
        }

        var coupleId = await db.Couples.ActiveFor(userId).Select(c => (int?)c.Id).SingleOrDefaultAsync();
        if (coupleId is null)
        {
            return ServiceError.RefusedByRule("You can write statements for your partner once the two of you are paired.");
        }

        var statement = new FeelingStatement(coupleId.Value, userId, words, Now);
        db.FeelingStatements.Add(statement);
        await db.SaveChangesAsync();
        logger.LogInformation("User {UserId} saved feeling statement {StatementId} as a draft", userId, statement.Id);
        return statement.Id;
    }

    public Task<Result> ReviseDraftAsync(string userId, int id, FeelingWords words) =>
        ChangeAsync(userId, id, "revised", statement =>
        {
            if (statement.AuthorId != userId)
            {
                return NotTheirs("draft");
            }

            if (statement.State != FeelingState.Draft)
            {
                return ServiceError.RefusedByRule("This statement has been shared, so it can't be changed any more. Your words are still here to copy.");
            }

            if (FeelingWords.Validate(words) is { } invalid)
            {
                return invalid;
            }

            statement.Revise(words, Now);
            return null;
        });

    public Task<Result> DeleteDraftAsync(string userId, int id) =>
        ChangeAsync(userId, id, "deleted", statement =>
        {
            if (!IsOwnDraft(statement, userId))
            {
                return NotTheirs("draft");
            }

            db.FeelingStatements.Remove(statement);
            return null;
        });

    public Task<Result> ShareAsync(string userId, int id) =>
        ChangeAsync(userId, id, "shared", statement =>
        {
            if (statement.AuthorId != userId)
            {
                return NotTheirs("statement");
            }

            if (statement.State != FeelingState.Draft)
            {
                return ServiceError.RefusedByRule("This statement is already shared with your partner.");
            }

            statement.Share(Now);
            return null;
        }, _ => NotificationKind.StatementShared);

    public Task<Result> WithdrawAsync(string userId, int id) =>
        ChangeAsync(userId, id, "withdrew", statement =>
        {
            if (statement.AuthorId != userId)
            {
                return NotTheirs("statement");
            }

            if (statement.State == FeelingState.Draft)
            {
                return ServiceError.RefusedByRule("This statement is already a private draft.");
            }

            if (!statement.CanWithdraw)
            {
                return ServiceError.RefusedByRule(statement.State == FeelingState.Acknowledged
                    ? "Your partner has already answered this, so it stays shared between you."
                    : "You've already talked this through together, so it stays shared between you.");
            }

            statement.Withdraw(Now);
            return null;
        });

    public Task<Result> AcknowledgeAsync(string userId, int id, string? reply) =>
        ChangeAsync(userId, id, "acknowledged", statement =>
        {
            if (statement.AuthorId == userId || statement.State == FeelingState.Draft)
            {
                return NotTheirs("statement");
            }

            if (statement.State == FeelingState.Acknowledged)
            {
                return ServiceError.RefusedByRule("You've already let your partner know you hear this.");
            }

            if ((reply?.Trim().Length ?? 0) > FeelingStatement.ReplyLength)
            {
                return ServiceError.Invalid("Reply", $"Please keep your reply to {FeelingStatement.ReplyLength} characters.");
            }

            statement.Acknowledge(userId, reply, Now);
            return null;
        }, acknowledged => acknowledged.Reply is null ? NotificationKind.StatementAcknowledged : NotificationKind.StatementAnswered);

    public Task<Result> MarkTalkedAboutAsync(string userId, int id) =>
        ChangeAsync(userId, id, "marked talked about", statement =>
        {
            if (statement.State == FeelingState.Draft)
            {
                return ServiceError.RefusedByRule("Share this statement first; then you can talk it through together.");
            }

            if (statement.TalkedAboutAt is not null)
            {
                return ServiceError.RefusedByRule("This is already marked as talked about.");
            }

            statement.MarkTalkedAbout(userId, Now);
            return null;
        });

    // Starts from the actor's couples: a statement of another couple never matches, whatever its id.
    private IQueryable<FeelingStatement> VisibleTo(string userId) => Visible(db, userId);

    [InlinedFrom(nameof(VisibleQuery))]
    private static IQueryable<FeelingStatement> Visible(AppDbContext db, string userId) => VisibleQuery.Run(db, userId);

    private static readonly Inlined<Func<AppDbContext, string, IQueryable<FeelingStatement>>> VisibleQuery = new((db, userId) =>
        from couple in db.Couples.AnyFor(userId)
        join statement in db.FeelingStatements on couple.Id equals statement.CoupleId
        where statement.AuthorId == userId || (statement.SharedAt != null && couple.ClosedAt == null)
        select statement);

    // The statement is one this person can read, but the step is not theirs: said on the page, where a 404 would hide it.
    private static ServiceError NotTheirs(string what) => ServiceError.RefusedByRule($"We couldn't find that {what}.");

    private static bool IsOwnDraft(FeelingStatement statement, string userId) =>
        statement.AuthorId == userId && statement.State == FeelingState.Draft;

    // tell: what the partner is told once the change is made, if anything.
    private async Task<Result> ChangeAsync(string userId, int id, string action, Func<FeelingStatement, ServiceError?> change, Func<FeelingStatement, NotificationKind?>? tell = null)
    {
        var statement = await VisibleTo(userId).SingleOrDefaultAsync(s => s.Id == id);
        if (statement is null)
        {
            return ServiceError.NotFound("statement");
        }

        var partnerId = await db.Couples.ActiveFor(userId).Where(c => c.Id == statement.CoupleId).SeenBy(userId).Select(c => c.PartnerId).SingleOrDefaultAsync();
        if (partnerId is null)
        {
            return ServiceError.RefusedByRule("This couple has ended, so its statements can be read but no longer changed.");
        }

        if (change(statement) is { } refusal)
        {
            return refusal;
        }

        if (tell?.Invoke(statement) is { } kind)
        {
            db.Tell(partnerId, kind, statement.CoupleId, userId, $"/Feelings/Statement/{statement.Id}", Now);
        }

        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateConcurrencyException)
        {
            return ServiceError.Conflict("Something changed on this statement just now. Please have another look.");
        }

        logger.LogInformation("User {UserId} {Action} feeling statement {StatementId}", userId, action, id);
        return Result.Ok;
    }
}

public enum FeelingList
{
    Drafts,
    SharedByMe,
    SharedWithMe,
}
