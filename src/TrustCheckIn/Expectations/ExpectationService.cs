using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using TrustCheckIn.Common;
using TrustCheckIn.Data;
using TrustCheckIn.Notifications;

namespace TrustCheckIn.Expectations;

// The rows of the couple's table and their revisions: add, edit, move, remove, restore, starter sets, history.
public sealed class ExpectationService(AppDbContext db, TimeProvider time, ILogger<ExpectationService> logger)
{
    public const int MaxRows = 100;
    public const int HistoryPageSize = 25;

    public static readonly ServiceError RowNotFound = ServiceError.NotFound("row");

    public static readonly ServiceError ReadOnly = ServiceError.RefusedByRule("Your couple has closed, so this table is kept as it was and can no longer change.");

    public sealed record TableView(bool IsClosed, string PartnerName, string TimeZoneId, ReviewView Review, IReadOnlyList<RowView> Rows)
    {
        public bool CanAddMore => !IsClosed && Rows.Count < MaxRows;

        // A starter set stops being offered once every one of its rows is in the table.
        public bool Has(StarterSet set) => StarterSets.Rows(set).All(starter => Rows.Any(r => r.StarterKey == starter.Key));
    }

    public sealed record ReviewView(int IntervalWeeks, DateTime? LastReviewedAt, bool ConfirmedByMe, bool ConfirmedByPartner, bool IsOverdue);

    public sealed record RowView(int Id, string Need, string Action, ExpectationFrequency Frequency, string? CustomFrequency, int DoneLately, int NoticedLately, string? StarterKey)
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

    public sealed record RevisionView(int Id, int ExpectationId, RevisionKind Kind, string ChangedByName, DateTime ChangedAt,
        ExpectationContent? Before, ExpectationContent? After, bool CanRestore);

    public sealed record HistoryView(bool IsClosed, string TimeZoneId, IReadOnlyList<RevisionView> Revisions, int Page, bool HasMore);

    private DateTime Now => time.GetUtcNow().UtcDateTime;

    public async Task<TableView?> GetTableAsync(string userId, CancellationToken ct = default)
    {
        var couple = await db.ReadableCoupleAsync(userId, ct);
        if (couple is null)
        {
            return null;
        }

        var rows = (await db.RowsLatelyAsync(couple.Id, Now, ct))
            .Select(r => new RowView(r.Id, r.Need, r.Action, r.Frequency, r.CustomFrequency, r.Done, r.Noticed, r.StarterKey))
            .ToList();
        var review = await db.ReviewStateAsync(couple.Id, couple.IsClosed, Now, ct);
        return new TableView(couple.IsClosed, couple.PartnerNameFor(userId), couple.TimeZoneId,
            new ReviewView(review.IntervalWeeks, review.LastReviewedAt, review.ConfirmedById == userId,
                review.ConfirmedById is not null && review.ConfirmedById != userId, review.IsOverdue),
            rows);
    }

    public async Task<EditView?> GetForEditAsync(string userId, int id, CancellationToken ct = default)
    {
        var couple = await db.ReadableCoupleAsync(userId, ct);
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
        var found = await db.WritableCoupleAsync(userId);
        if (!found.Succeeded)
        {
            return found.Error;
        }

        var couple = found.Value;

        if (await ActiveRowCountAsync(couple.Id) >= MaxRows)
        {
            return TableFull;
        }

        var now = Now;
        var row = new Expectation(couple.Id, content, await NextPositionAsync(couple.Id), now);
        db.Expectations.Add(row);
        db.ExpectationRevisions.Add(ExpectationRevision.Added(row, userId, now));
        await TellPartnerAsync(userId, couple.Id, now);
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        logger.LogInformation("User {UserId} added expectation {ExpectationId} in couple {CoupleId}", userId, row.Id, couple.Id);
        return row.Id;
    }

    // expectedVersion is the Version the person loaded: a save over anyone else's newer change is refused.
    public async Task<Result> EditAsync(string userId, int id, ExpectationContent content, int expectedVersion)
    {
        content = content.Normalised();
        if (content.Problem() is { } problem)
        {
            return problem;
        }

        await using var transaction = await db.Database.BeginTransactionAsync();
        var found = await db.WritableCoupleAsync(userId);
        if (!found.Succeeded)
        {
            return found.Error;
        }

        var couple = found.Value;

        var row = await db.Expectations.SingleOrDefaultAsync(e => e.Id == id && e.CoupleId == couple.Id);
        if (row is null)
        {
            return RowNotFound;
        }

        if (row.IsRemoved || row.Version != expectedVersion)
        {
            return await ConflictAsync(couple, userId, row, content);
        }

        var before = row.Content;
        var now = Now;
        if (!row.Edit(content, now))
        {
            return Result.Ok;
        }

        // The token is checked against what the person loaded, not only what this request read.
        db.Entry(row).Property(e => e.Version).OriginalValue = expectedVersion;
        db.ExpectationRevisions.Add(ExpectationRevision.Edited(row, before, userId, now));
        await TellPartnerAsync(userId, couple.Id, now);
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            var current = await db.Expectations.SingleAsync(e => e.Id == id);
            logger.LogInformation("User {UserId} hit an edit conflict on expectation {ExpectationId}", userId, id);
            return await ConflictAsync(couple, userId, current, content);
        }

        await transaction.CommitAsync();
        logger.LogInformation("User {UserId} edited expectation {ExpectationId} to version {Version}", userId, id, row.Version);
        return Result.Ok;
    }

    public async Task<Result> MoveAsync(string userId, int id, bool up)
    {
        await using var transaction = await db.Database.BeginTransactionAsync();
        var found = await db.WritableRowAsync(userId, id, includeRemoved: false);
        if (!found.Succeeded)
        {
            return found.Error;
        }

        var row = found.Value;

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
        await TellPartnerAsync(userId, row.CoupleId, now);
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        logger.LogInformation("User {UserId} moved expectation {ExpectationId}", userId, id);
        return Result.Ok;
    }

    public async Task<Result> RemoveAsync(string userId, int id)
    {
        await using var transaction = await db.Database.BeginTransactionAsync();
        var found = await db.WritableRowAsync(userId, id, includeRemoved: false);
        if (!found.Succeeded)
        {
            return found.Error;
        }

        var row = found.Value;

        var now = Now;
        db.ExpectationRevisions.Add(ExpectationRevision.Removed(row, userId, now));
        row.Remove(now);
        await TellPartnerAsync(userId, row.CoupleId, now);
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        logger.LogInformation("User {UserId} removed expectation {ExpectationId}", userId, id);
        return Result.Ok;
    }

    // Undo of a removal: the row comes back, at the end of the table.
    public async Task<Result> RestoreAsync(string userId, int id)
    {
        await using var transaction = await db.Database.BeginTransactionAsync();
        var found = await db.WritableRowAsync(userId, id, includeRemoved: true);
        if (!found.Succeeded)
        {
            return found.Error;
        }

        var row = found.Value;
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
        await TellPartnerAsync(userId, row.CoupleId, now);
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
        var found = await db.WritableCoupleAsync(userId);
        if (!found.Succeeded)
        {
            return found.Error;
        }

        var couple = found.Value;

        var starters = StarterSets.Rows(set);
        var keys = starters.Select(s => s.Key).ToList();
        var existing = await db.Expectations
            .Where(e => e.CoupleId == couple.Id && e.StarterKey != null && keys.Contains(e.StarterKey))
            .ToDictionaryAsync(e => e.StarterKey!);
        var missing = starters.Where(s => !existing.TryGetValue(s.Key, out var row) || row.IsRemoved).ToList();
        if (missing.Count == 0)
        {
            return 0;
        }

        if (await ActiveRowCountAsync(couple.Id) + missing.Count > MaxRows)
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

        await TellPartnerAsync(userId, couple.Id, now);
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        logger.LogInformation("User {UserId} added {Count} starter rows ({Set}) in couple {CoupleId}", userId, missing.Count, set, couple.Id);
        return missing.Count;
    }

    // One unread "the table changed" at a time: a session of edits is one piece of news.
    private Task TellPartnerAsync(string userId, int coupleId, DateTime now) =>
        db.TellPartnerAsync(userId, coupleId, NotificationKind.ExpectationsChanged, "/Expectations", now, coalesce: true);

    public async Task<HistoryView?> GetHistoryAsync(string userId, int page, CancellationToken ct = default)
    {
        var couple = await db.ReadableCoupleAsync(userId, ct);
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
                x.Revision.ContentBefore(), x.Revision.ContentAfter(), x.IsLatestRemoval && !couple.IsClosed))
            .ToList();
        return new HistoryView(couple.IsClosed, couple.TimeZoneId, views, page, revisions.Count > HistoryPageSize);
    }

    public static readonly string TableFullMessage = $"Your table has {MaxRows} rows, which is as many as it holds. Remove one to make room.";

    private static ServiceError TableFull => ServiceError.RefusedByRule(TableFullMessage);

    private Task<int> ActiveRowCountAsync(int coupleId) =>
        db.Expectations.CountAsync(e => e.CoupleId == coupleId && e.RemovedAt == null);

    private async Task<int> NextPositionAsync(int coupleId) =>
        (await db.Expectations.Where(e => e.CoupleId == coupleId).MaxAsync(e => (int?)e.Position) ?? 0) + 1;

    private async Task<ConflictError<EditConflict>> ConflictAsync(ExpectationCouple couple, string userId, Expectation current, ExpectationContent yours)
    {
        var last = await db.ExpectationRevisions.AsNoTracking()
            .Where(r => r.ExpectationId == current.Id)
            .OrderByDescending(r => r.Id)
            .Select(r => new { r.ChangedById, r.ChangedAt })
            .FirstAsync();
        var conflict = new EditConflict(current.IsRemoved ? null : current.Content, current.Version, couple.NameOf(last.ChangedById, userId),
            last.ChangedById == userId, last.ChangedAt, yours);
        return ServiceError.Conflict(conflict.WasRemoved ? "This row was removed while you were editing it." : "This row was changed while you were editing it.", conflict);
    }
}
