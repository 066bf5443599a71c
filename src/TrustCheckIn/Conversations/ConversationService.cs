using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using TrustCheckIn.CheckIns;
using TrustCheckIn.Common;
using TrustCheckIn.Couples;
using TrustCheckIn.Data;
using TrustCheckIn.Expectations;

namespace TrustCheckIn.Conversations;

// "Talk it through": the steps over a revealed week, and the one small step the couple agrees on at the end.
// Reading the guide writes nothing: each phone's place in it is only its own address.
public sealed class ConversationService(AppDbContext db, ExpectationService expectations, TimeProvider time, ILogger<ConversationService> logger)
{
    private sealed record Found(int CoupleId, string PartnerId, string PartnerDisplayName);

    private DateTime Now => time.GetUtcNow().UtcDateTime;

    // Null unless the week is revealed to this person (both answered) in their active couple that is not paused now.
    public async Task<Guide?> GetGuideAsync(string userId, int coupleId, IsoWeek week, CancellationToken ct = default)
    {
        if (await OpenAsync(userId, coupleId, week, ct) is not { } found)
        {
            return null;
        }

        var ratings = await db.CheckIns.AsNoTracking()
            .Where(c => c.CoupleId == found.CoupleId && c.WeekKey == week.Key && (c.AuthorId == userId || c.AuthorId == found.PartnerId))
            .Rows()
            .Select(r => new { r.AuthorId, r.Ratings })
            .ToListAsync(ct);
        var mine = ratings.Single(r => r.AuthorId == userId).Ratings;
        var partners = ratings.Single(r => r.AuthorId == found.PartnerId).Ratings;
        var kept = await db.SharedSteps.AsNoTracking()
            .Where(s => s.CoupleId == found.CoupleId && s.WeekKey == week.Key)
            .Select(s => s.Text)
            .SingleOrDefaultAsync(ct);
        return new Guide(found.CoupleId, week, found.PartnerDisplayName, Guide.StepsFor(mine, partners), kept);
    }

    public async Task<bool> CanTalkAsync(string userId, int coupleId, IsoWeek week, CancellationToken ct = default) =>
        await OpenAsync(userId, coupleId, week, ct) is not null;

    // Keeping twice rewords the one step of the week; it never makes a second.
    public async Task<Result> KeepStepAsync(string userId, int coupleId, IsoWeek week, string? text)
    {
        if (Tidy(text) is not { } step)
        {
            return StepProblem(text);
        }

        // One writer at a time (BEGIN IMMEDIATE on SQLite, PostgresWriteLock on PostgreSQL): two phones keeping at once take turns, and the unique index holds the line.
        await using var transaction = await db.Database.BeginTransactionAsync();
        if (await OpenAsync(userId, coupleId, week, default) is not { } found)
        {
            return ServiceError.NotFound("week");
        }

        var now = Now;
        var existing = await db.SharedSteps.SingleOrDefaultAsync(s => s.CoupleId == found.CoupleId && s.WeekKey == week.Key);
        if (existing is null)
        {
            db.SharedSteps.Add(new SharedStep(found.CoupleId, week.Key, step, userId, now));
        }
        else
        {
            existing.Reword(step, userId, now);
        }

        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        logger.LogInformation("User {UserId} kept the shared step of week {WeekKey} in couple {CoupleId}", userId, week.Key, found.CoupleId);
        return Result.Ok;
    }

    // A row of the expectations table, added (and so revised) by this person, like any row they add there.
    public async Task<Result<int>> AddToTableAsync(string userId, int coupleId, IsoWeek week, string? need, string? text)
    {
        if (Tidy(text) is not { } step)
        {
            return StepProblem(text);
        }

        if (await OpenAsync(userId, coupleId, week, default) is null)
        {
            return ServiceError.NotFound("week");
        }

        var content = new ExpectationContent(string.IsNullOrWhiteSpace(need) ? TalkPrompts.DefaultNeed : need, step, ExpectationFrequency.Weekly, null);
        return await expectations.AddAsync(userId, content);
    }

    private async Task<Found?> OpenAsync(string userId, int coupleId, IsoWeek week, CancellationToken ct)
    {
        var couple = await db.Couples.AsNoTracking().ActiveFor(userId).Where(c => c.Id == coupleId).SeenBy(userId)
            .Select(c => new { c.Id, c.PartnerId, c.PartnerDisplayName, c.TimeZoneId })
            .SingleOrDefaultAsync(ct);
        if (couple is null)
        {
            return null;
        }

        var current = IsoWeek.Current(time, TimeZoneInfo.FindSystemTimeZoneById(couple.TimeZoneId));
        if (week > current || await db.CouplePauses.Where(p => p.CoupleId == couple.Id).Covering(current.Key, current.Key).AnyAsync(ct))
        {
            // A paused couple is taking a break from these conversations too.
            return null;
        }

        // Revealed to both: both answered. A week with one answer has nothing to talk through side by side.
        var answered = await db.CheckIns.CountAsync(c => c.CoupleId == couple.Id && c.WeekKey == week.Key && (c.AuthorId == userId || c.AuthorId == couple.PartnerId), ct);
        return answered == 2 ? new Found(couple.Id, couple.PartnerId, couple.PartnerDisplayName) : null;
    }

    private static string? Tidy(string? text) =>
        string.IsNullOrWhiteSpace(text) || text.Trim().Length > SharedStep.TextLength ? null : text.Trim();

    private static ServiceError StepProblem(string? text) => string.IsNullOrWhiteSpace(text)
        ? ServiceError.Invalid("Step", "Please write the small step in a few words.")
        : ServiceError.Invalid("Step", $"Please keep the step to {SharedStep.TextLength} characters or fewer.");
}
