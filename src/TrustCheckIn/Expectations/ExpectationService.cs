using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using TrustCheckIn.Common;
using TrustCheckIn.Couples;
using TrustCheckIn.Data;

namespace TrustCheckIn.Expectations;

public sealed class ExpectationService(AppDbContext db, TimeProvider time, ILogger<ExpectationService> logger)
{
    public const int MaxRows = 100;
    public const int HistoryPageSize = 25;
    public const int RecentFollowThroughs = 50;

    public static readonly ServiceError RowNotFound = ServiceError.NotFound("row");

    public static readonly ServiceError ReadOnly = new("", "Your couple has closed, so this table is kept as it was and can no longer change.");

    public sealed record TableView(bool IsClosed, string PartnerName, string TimeZoneId, ReviewView Review, IReadOnlyList<RowView> Rows)
    {
        public bool CanAddMore => !IsClosed && Rows.Count < MaxRows;
    }

    public sealed record ReviewView(int IntervalWeeks, DateTime? LastReviewedAt, bool ConfirmedByMe, bool ConfirmedByPartner, bool IsOverdue);

    public sealed record RowView(int Id, string Need, string Action, ExpectationFrequency Frequency, string? CustomFrequency, int DoneLately, int NoticedLately)
    {
        public string FrequencyText => ExpectationContent.Describe(Frequency, CustomFrequency);

        public string FollowThroughSentence => FollowThroughSummary.Sentence(DoneLately, NoticedLately);
    }

    public sealed record EditView(int Id, ExpectationContent Content, int Version, bool IsClosed);

    // Theirs is null when the row was removed while this person was editing it.
    public sealed record EditConflict(ExpectationContent? Theirs, int TheirVersion, string ChangedByName, bool ChangedByMe, DateTime ChangedAt, ExpectationContent Yours)
    {
        public bool WasRemoved => Theirs is null;
    }

    public sealed record EditResult(ServiceError? Error, EditConflict? Conflict)
    {
        public static EditResult Saved { get; } = new(null, null);

        public bool Succeeded => Error is null && Conflict is null;
    }

    public sealed record RevisionView(int Id, int ExpectationId, RevisionKind Kind, string ChangedByName, DateTime ChangedAt,
        ExpectationContent? Before, ExpectationContent? After, bool CanRestore);

    public sealed record HistoryView(bool IsClosed, string TimeZoneId, IReadOnlyList<RevisionView> Revisions, int Page, bool HasMore);

    public sealed record RowDetailView(int Id, ExpectationContent Content, bool IsClosed, string TimeZoneId, string FollowThroughSentence, IReadOnlyList<FollowThroughView> Recent);

    public sealed record FollowThroughView(int Id, string DoneByName, bool DoneByMe, DateTime DoneAt, string? Note, DateTime? NoticedAt, bool CanNotice);

    public sealed record ReviewReminder(bool IsOverdue, int IntervalWeeks, DateTime? LastReviewedAt, bool PartnerIsWaiting);

    public sealed record FollowThroughCount(int ExpectationId, int Done, int Noticed);

    private sealed record CoupleInfo(int Id, bool IsClosed, string PartnerAId, string PartnerAName, string PartnerBName, string TimeZoneId)
    {
        public string NameOf(string userId, string actorId) =>
            userId == actorId ? "You" : userId == PartnerAId ? PartnerAName : PartnerBName;

        public string PartnerNameFor(string actorId) => actorId == PartnerAId ? PartnerBName : PartnerAName;
    }

    private sealed record ReviewState(int IntervalWeeks, DateTime? LastReviewedAt, string? ConfirmedById, bool IsOverdue);

    private DateTime Now => time.GetUtcNow().UtcDateTime;

    private DateTime WindowStart => Now.AddDays(-FollowThroughSummary.WindowDays);

    public async Task<TableView?> GetTableAsync(string userId, CancellationToken ct = default)
    {
        var couple = await ReadableCoupleAsync(userId, ct);
        if (couple is null)
        {
            return null;
        }

        var since = WindowStart;
        var rows = await db.Expectations.AsNoTracking()
            .Where(e => e.CoupleId == couple.Id && e.RemovedAt == null)
            .OrderBy(e => e.Position).ThenBy(e => e.Id)
            .Take(MaxRows)
            .Select(e => new RowView(e.Id, e.Need, e.Action, e.Frequency, e.CustomFrequency,
                db.FollowThroughs.Count(f => f.ExpectationId == e.Id && f.DoneAt >= since),
                db.FollowThroughs.Count(f => f.ExpectationId == e.Id && f.DoneAt >= since && f.NoticedAt != null)))
            .ToListAsync(ct);
        var review = await ReviewStateAsync(couple.Id, couple.IsClosed, ct);
        return new TableView(couple.IsClosed, couple.PartnerNameFor(userId), couple.TimeZoneId,
            new ReviewView(review.IntervalWeeks, review.LastReviewedAt, review.ConfirmedById == userId,
                review.ConfirmedById is not null && review.ConfirmedById != userId, review.IsOverdue),
            rows);
    }

    // For the home page: something to say only when the review is overdue or the partner has confirmed.
    public async Task<ReviewReminder?> GetReviewReminderAsync(string userId, CancellationToken ct = default)
    {
        var coupleId = await db.Couples.AsNoTracking().ActiveFor(userId).Select(c => (int?)c.Id).SingleOrDefaultAsync(ct);
        if (coupleId is not { } id)
        {
            return null;
        }

        var review = await ReviewStateAsync(id, isClosed: false, ct);
        var partnerIsWaiting = review.ConfirmedById is not null && review.ConfirmedById != userId;
        return review.IsOverdue || partnerIsWaiting
            ? new ReviewReminder(review.IsOverdue, review.IntervalWeeks, review.LastReviewedAt, partnerIsWaiting)
            : null;
    }

    // For reminders sent outside a request (no acting partner); a closed couple is never reminded.
    public async Task<bool> IsReviewOverdueAsync(int coupleId, CancellationToken ct = default)
    {
        var isActive = await db.Couples.AsNoTracking().AnyAsync(c => c.Id == coupleId && c.ClosedAt == null, ct);
        return isActive && (await ReviewStateAsync(coupleId, isClosed: false, ct)).IsOverdue;
    }

    // For the therapist view: callers check consent first. Counts only, never notes.
    public Task<List<FollowThroughCount>> GetFollowThroughCountsAsync(int coupleId, CancellationToken ct = default)
    {
        var since = WindowStart;
        return db.Expectations.AsNoTracking()
            .Where(e => e.CoupleId == coupleId && e.RemovedAt == null)
            .OrderBy(e => e.Position).ThenBy(e => e.Id)
            .Select(e => new FollowThroughCount(e.Id,
                db.FollowThroughs.Count(f => f.ExpectationId == e.Id && f.DoneAt >= since),
                db.FollowThroughs.Count(f => f.ExpectationId == e.Id && f.DoneAt >= since && f.NoticedAt != null)))
            .ToListAsync(ct);
    }

    public async Task<EditView?> GetForEditAsync(string userId, int id, CancellationToken ct = default)
    {
        var couple = await ReadableCoupleAsync(userId, ct);
        return couple is null
            ? null
            : await db.Expectations.AsNoTracking()
                .Where(e => e.Id == id && e.CoupleId == couple.Id && e.RemovedAt == null)
                .Select(e => new EditView(e.Id, new ExpectationContent(e.Need, e.Action, e.Frequency, e.CustomFrequency), e.Version, couple.IsClosed))
                .SingleOrDefaultAsync(ct);
    }

    public async Task<Result<int>> AddAsync(string userId, ExpectationContent content)
    {
        content = content.Normalised();
        if (content.Problem() is { } problem)
        {
            return problem;
        }

        await using var transaction = await db.Database.BeginTransactionAsync();
        var (couple, error) = await WritableCoupleAsync(userId);
        if (error is not null)
        {
            return error;
        }

        if (await ActiveRowCountAsync(couple!.Id) >= MaxRows)
        {
            return TableFull;
        }

        var now = Now;
        var row = new Expectation(couple.Id, content, await NextPositionAsync(couple.Id), now);
        db.Expectations.Add(row);
        db.ExpectationRevisions.Add(ExpectationRevision.Added(row, userId, now));
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        logger.LogInformation("User {UserId} added expectation {ExpectationId} in couple {CoupleId}", userId, row.Id, couple.Id);
        return row.Id;
    }

    // expectedVersion is the Version the person loaded: a save over anyone else's newer change is refused.
    public async Task<EditResult> EditAsync(string userId, int id, ExpectationContent content, int expectedVersion)
    {
        content = content.Normalised();
        if (content.Problem() is { } problem)
        {
            return new EditResult(problem, null);
        }

        await using var transaction = await db.Database.BeginTransactionAsync();
        var (couple, error) = await WritableCoupleAsync(userId);
        if (error is not null)
        {
            return new EditResult(error, null);
        }

        var row = await db.Expectations.SingleOrDefaultAsync(e => e.Id == id && e.CoupleId == couple!.Id);
        if (row is null)
        {
            return new EditResult(RowNotFound, null);
        }

        if (row.IsRemoved || row.Version != expectedVersion)
        {
            return new EditResult(null, await ConflictAsync(couple!, userId, row, content));
        }

        var before = row.Content;
        var now = Now;
        if (!row.Edit(content, now))
        {
            return EditResult.Saved;
        }

        // The token is checked against what the person loaded, not only what this request read.
        db.Entry(row).Property(e => e.Version).OriginalValue = expectedVersion;
        db.ExpectationRevisions.Add(ExpectationRevision.Edited(row, before, userId, now));
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            var current = await db.Expectations.SingleAsync(e => e.Id == id);
            logger.LogInformation("User {UserId} hit an edit conflict on expectation {ExpectationId}", userId, id);
            return new EditResult(null, await ConflictAsync(couple!, userId, current, content));
        }

        await transaction.CommitAsync();
        logger.LogInformation("User {UserId} edited expectation {ExpectationId} to version {Version}", userId, id, row.Version);
        return EditResult.Saved;
    }

    public async Task<Result> MoveAsync(string userId, int id, bool up)
    {
        await using var transaction = await db.Database.BeginTransactionAsync();
        var found = await WritableRowAsync(userId, id, includeRemoved: false);
        if (found.Error is { } error)
        {
            return error;
        }

        var row = found.Value!;

        var others = db.Expectations.Where(e => e.CoupleId == row.CoupleId && e.RemovedAt == null && e.Id != row.Id);
        var neighbour = up
            ? await others.Where(e => e.Position < row.Position).OrderByDescending(e => e.Position).FirstOrDefaultAsync()
            : await others.Where(e => e.Position > row.Position).OrderBy(e => e.Position).FirstOrDefaultAsync();
        if (neighbour is null)
        {
            return Result.Ok;
        }

        var now = Now;
        var from = row.Position;
        row.MoveTo(neighbour.Position, now);
        neighbour.MoveTo(from, now);
        db.ExpectationRevisions.Add(ExpectationRevision.Moved(row, from, userId, now));
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        logger.LogInformation("User {UserId} moved expectation {ExpectationId}", userId, id);
        return Result.Ok;
    }

    public async Task<Result> RemoveAsync(string userId, int id)
    {
        await using var transaction = await db.Database.BeginTransactionAsync();
        var found = await WritableRowAsync(userId, id, includeRemoved: false);
        if (found.Error is { } error)
        {
            return error;
        }

        var row = found.Value!;

        var now = Now;
        db.ExpectationRevisions.Add(ExpectationRevision.Removed(row, userId, now));
        row.Remove(now);
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        logger.LogInformation("User {UserId} removed expectation {ExpectationId}", userId, id);
        return Result.Ok;
    }

    // Undo of a removal: the row comes back, at the end of the table.
    public async Task<Result> RestoreAsync(string userId, int id)
    {
        await using var transaction = await db.Database.BeginTransactionAsync();
        var found = await WritableRowAsync(userId, id, includeRemoved: true);
        if (found.Error is { } error)
        {
            return error;
        }

        var row = found.Value!;
        if (!row.IsRemoved)
        {
            return Result.Ok;
        }

        if (await ActiveRowCountAsync(row.CoupleId) >= MaxRows)
        {
            return TableFull;
        }

        var now = Now;
        row.Restore(await NextPositionAsync(row.CoupleId), now);
        db.ExpectationRevisions.Add(ExpectationRevision.Restored(row, userId, now));
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        logger.LogInformation("User {UserId} restored expectation {ExpectationId}", userId, id);
        return Result.Ok;
    }

    // Adds the set's rows the table does not hold yet; a starter row removed earlier comes back instead of doubling.
    public async Task<Result<int>> AddStarterSetAsync(string userId, StarterSet set)
    {
        if (!Enum.IsDefined(set))
        {
            return ServiceError.NotFound("starter set");
        }

        await using var transaction = await db.Database.BeginTransactionAsync();
        var (couple, error) = await WritableCoupleAsync(userId);
        if (error is not null)
        {
            return error;
        }

        var starters = StarterSets.Rows(set);
        var keys = starters.Select(s => s.Key).ToList();
        var existing = await db.Expectations
            .Where(e => e.CoupleId == couple!.Id && e.StarterKey != null && keys.Contains(e.StarterKey))
            .ToDictionaryAsync(e => e.StarterKey!);
        var missing = starters.Where(s => !existing.TryGetValue(s.Key, out var row) || row.IsRemoved).ToList();
        if (missing.Count == 0)
        {
            return 0;
        }

        if (await ActiveRowCountAsync(couple!.Id) + missing.Count > MaxRows)
        {
            return TableFull;
        }

        var now = Now;
        var position = await NextPositionAsync(couple.Id);
        foreach (var starter in missing)
        {
            if (existing.TryGetValue(starter.Key, out var removed))
            {
                removed.Restore(position++, now);
                db.ExpectationRevisions.Add(ExpectationRevision.Restored(removed, userId, now));
            }
            else
            {
                var row = new Expectation(couple.Id, starter.Content, position++, now, starter.Key);
                db.Expectations.Add(row);
                db.ExpectationRevisions.Add(ExpectationRevision.Added(row, userId, now));
            }
        }

        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        logger.LogInformation("User {UserId} added {Count} starter rows ({Set}) in couple {CoupleId}", userId, missing.Count, set, couple.Id);
        return missing.Count;
    }

    public async Task<Result<ReviewStep>> ConfirmReviewAsync(string userId)
    {
        await using var transaction = await db.Database.BeginTransactionAsync();
        var (couple, error) = await WritableCoupleAsync(userId);
        if (error is not null)
        {
            return error;
        }

        var table = await TableForUpdateAsync(couple!.Id);
        var step = table.ConfirmReview(userId, Now);
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        logger.LogInformation("User {UserId} confirmed the expectations review of couple {CoupleId}: {Step}", userId, couple.Id, step);
        return step;
    }

    public async Task<Result> ChangeReviewIntervalAsync(string userId, int weeks)
    {
        if (!ExpectationTable.ReviewIntervalChoices.Contains(weeks))
        {
            return new ServiceError("ReviewIntervalWeeks", "Please choose 2, 4, 8 or 12 weeks.");
        }

        await using var transaction = await db.Database.BeginTransactionAsync();
        var (couple, error) = await WritableCoupleAsync(userId);
        if (error is not null)
        {
            return error;
        }

        var table = await TableForUpdateAsync(couple!.Id);
        table.ChangeReviewInterval(weeks);
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        return Result.Ok;
    }

    public async Task<HistoryView?> GetHistoryAsync(string userId, int page, CancellationToken ct = default)
    {
        var couple = await ReadableCoupleAsync(userId, ct);
        if (couple is null)
        {
            return null;
        }

        page = Math.Max(page, 0);
        var revisions = await db.ExpectationRevisions.AsNoTracking()
            .Where(r => r.CoupleId == couple.Id)
            .OrderByDescending(r => r.Id)
            .Skip(page * HistoryPageSize)
            .Take(HistoryPageSize + 1)
            .Select(r => new
            {
                Revision = r,
                IsLatestRemoval = r.Kind == RevisionKind.Removed && r.Expectation!.RemovedAt != null
                    && !db.ExpectationRevisions.Any(o => o.ExpectationId == r.ExpectationId && o.Id > r.Id),
            })
            .ToListAsync(ct);
        var views = revisions.Take(HistoryPageSize)
            .Select(x => new RevisionView(x.Revision.Id, x.Revision.ExpectationId, x.Revision.Kind,
                couple.NameOf(x.Revision.ChangedById, userId), x.Revision.ChangedAt,
                BeforeOf(x.Revision), AfterOf(x.Revision), x.IsLatestRemoval && !couple.IsClosed))
            .ToList();
        return new HistoryView(couple.IsClosed, couple.TimeZoneId, views, page, revisions.Count > HistoryPageSize);
    }

    public async Task<RowDetailView?> GetRowAsync(string userId, int id, CancellationToken ct = default)
    {
        var couple = await ReadableCoupleAsync(userId, ct);
        if (couple is null)
        {
            return null;
        }

        var row = await db.Expectations.AsNoTracking()
            .Where(e => e.Id == id && e.CoupleId == couple.Id && e.RemovedAt == null)
            .Select(e => new ExpectationContent(e.Need, e.Action, e.Frequency, e.CustomFrequency))
            .SingleOrDefaultAsync(ct);
        if (row is null)
        {
            return null;
        }

        var since = WindowStart;
        var lately = db.FollowThroughs.AsNoTracking().Where(f => f.ExpectationId == id && f.DoneAt >= since);
        var done = await lately.CountAsync(ct);
        var noticed = await lately.CountAsync(f => f.NoticedAt != null, ct);
        var recent = await lately
            .OrderByDescending(f => f.DoneAt)
            .Take(RecentFollowThroughs)
            .Select(f => new { f.Id, f.DoneById, f.DoneAt, f.Note, f.NoticedAt })
            .ToListAsync(ct);
        return new RowDetailView(id, row, couple.IsClosed, couple.TimeZoneId, FollowThroughSummary.Sentence(done, noticed),
            recent.Select(f => new FollowThroughView(f.Id, couple.NameOf(f.DoneById, userId), f.DoneById == userId, f.DoneAt, f.Note, f.NoticedAt,
                !couple.IsClosed && f.NoticedAt is null && f.DoneById != userId)).ToList());
    }

    public async Task<Result> RecordFollowThroughAsync(string userId, int id, string? note)
    {
        if (note?.Trim().Length > FollowThrough.NoteLength)
        {
            return new ServiceError("Note", $"Please keep the note to {FollowThrough.NoteLength} characters.");
        }

        await using var transaction = await db.Database.BeginTransactionAsync();
        var found = await WritableRowAsync(userId, id, includeRemoved: false);
        if (found.Error is { } error)
        {
            return error;
        }

        var row = found.Value!;

        var followThrough = new FollowThrough(row, userId, note, Now);
        db.FollowThroughs.Add(followThrough);
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        logger.LogInformation("User {UserId} noted follow-through {FollowThroughId} on expectation {ExpectationId}", userId, followThrough.Id, id);
        return Result.Ok;
    }

    public async Task<Result> NoticeAsync(string userId, int followThroughId)
    {
        await using var transaction = await db.Database.BeginTransactionAsync();
        var (couple, error) = await WritableCoupleAsync(userId);
        if (error is not null)
        {
            return error;
        }

        var followThrough = await db.FollowThroughs.SingleOrDefaultAsync(f => f.Id == followThroughId && f.CoupleId == couple!.Id);
        if (followThrough is null)
        {
            return ServiceError.NotFound("note");
        }

        if (followThrough.DoneById == userId)
        {
            return new ServiceError("", "This one is yours, so it's for your partner to notice.");
        }

        if (followThrough.NoticedAt is null)
        {
            followThrough.Notice(userId, Now);
            await db.SaveChangesAsync();
            await transaction.CommitAsync();
            logger.LogInformation("User {UserId} noticed follow-through {FollowThroughId}", userId, followThroughId);
        }

        return Result.Ok;
    }

    private static ServiceError TableFull => new("", $"Your table has {MaxRows} rows, which is as many as it holds. Remove one to make room.");

    private static ExpectationContent? BeforeOf(ExpectationRevision r) =>
        r.BeforeNeed is null ? null : new(r.BeforeNeed, r.BeforeAction ?? "", r.BeforeFrequency ?? ExpectationFrequency.Custom, r.BeforeCustomFrequency);

    private static ExpectationContent? AfterOf(ExpectationRevision r) =>
        r.AfterNeed is null ? null : new(r.AfterNeed, r.AfterAction ?? "", r.AfterFrequency ?? ExpectationFrequency.Custom, r.AfterCustomFrequency);

    // The couple someone is in now, or else the one they were last in (read-only once closed).
    private Task<CoupleInfo?> ReadableCoupleAsync(string userId, CancellationToken ct) =>
        db.Couples.AsNoTracking()
            .AnyFor(userId)
            .OrderBy(c => c.ClosedAt == null ? 0 : 1).ThenByDescending(c => c.ClosedAt)
            .Select(c => new CoupleInfo(c.Id, c.ClosedAt != null, c.PartnerAId, c.PartnerA!.DisplayName, c.PartnerB!.DisplayName, c.TimeZoneId))
            .FirstOrDefaultAsync(ct);

    // A row of the actor's active couple, tracked for a change; removed rows only when asked for (undo).
    private async Task<Result<Expectation>> WritableRowAsync(string userId, int id, bool includeRemoved)
    {
        var (couple, error) = await WritableCoupleAsync(userId);
        if (error is not null)
        {
            return error;
        }

        var row = await db.Expectations.SingleOrDefaultAsync(e => e.Id == id && e.CoupleId == couple!.Id && (includeRemoved || e.RemovedAt == null));
        return row is null ? RowNotFound : row;
    }

    private async Task<(CoupleInfo? Couple, ServiceError? Error)> WritableCoupleAsync(string userId)
    {
        var couple = await db.Couples.AsNoTracking()
            .ActiveFor(userId)
            .Select(c => new CoupleInfo(c.Id, false, c.PartnerAId, c.PartnerA!.DisplayName, c.PartnerB!.DisplayName, c.TimeZoneId))
            .SingleOrDefaultAsync();
        if (couple is not null)
        {
            return (couple, null);
        }

        return (null, await db.Couples.AnyFor(userId).AnyAsync() ? ReadOnly : RowNotFound);
    }

    private async Task<ReviewState> ReviewStateAsync(int coupleId, bool isClosed, CancellationToken ct)
    {
        var table = await db.ExpectationTables.AsNoTracking()
            .Where(t => t.CoupleId == coupleId)
            .Select(t => new { t.ReviewIntervalWeeks, t.LastReviewedAt, t.ReviewConfirmedById })
            .SingleOrDefaultAsync(ct);
        var interval = table?.ReviewIntervalWeeks ?? ExpectationTable.DefaultReviewIntervalWeeks;
        // Never reviewed yet: the clock starts when the first row still in the table was written.
        var since = table?.LastReviewedAt ?? await db.Expectations.AsNoTracking()
            .Where(e => e.CoupleId == coupleId && e.RemovedAt == null)
            .MinAsync(e => (DateTime?)e.CreatedAt, ct);
        return new ReviewState(interval, table?.LastReviewedAt, table?.ReviewConfirmedById,
            !isClosed && ExpectationTable.IsOverdue(since, interval, Now));
    }

    private async Task<ExpectationTable> TableForUpdateAsync(int coupleId)
    {
        var table = await db.ExpectationTables.SingleOrDefaultAsync(t => t.CoupleId == coupleId);
        if (table is null)
        {
            table = new ExpectationTable(coupleId);
            db.ExpectationTables.Add(table);
        }

        return table;
    }

    private Task<int> ActiveRowCountAsync(int coupleId) =>
        db.Expectations.CountAsync(e => e.CoupleId == coupleId && e.RemovedAt == null);

    private async Task<int> NextPositionAsync(int coupleId) =>
        (await db.Expectations.Where(e => e.CoupleId == coupleId).MaxAsync(e => (int?)e.Position) ?? 0) + 1;

    private async Task<EditConflict> ConflictAsync(CoupleInfo couple, string userId, Expectation current, ExpectationContent yours)
    {
        var last = await db.ExpectationRevisions.AsNoTracking()
            .Where(r => r.ExpectationId == current.Id)
            .OrderByDescending(r => r.Id)
            .Select(r => new { r.ChangedById, r.ChangedAt })
            .FirstAsync();
        return new EditConflict(current.IsRemoved ? null : current.Content, current.Version, couple.NameOf(last.ChangedById, userId),
            last.ChangedById == userId, last.ChangedAt, yours);
    }
}
