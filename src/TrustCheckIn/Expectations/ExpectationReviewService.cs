using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using TrustCheckIn.Common;
using TrustCheckIn.Couples;
using TrustCheckIn.Data;
using TrustCheckIn.Notifications;

namespace TrustCheckIn.Expectations;

// The review cycle of the couple's table: both confirm a review, the interval, and when it is due.
public sealed class ExpectationReviewService(AppDbContext db, TimeProvider time, ILogger<ExpectationReviewService> logger)
{
    public sealed record ReviewReminder(bool IsOverdue, int IntervalWeeks, DateTime? LastReviewedAt, bool PartnerIsWaiting);

    private DateTime Now => time.GetUtcNow().UtcDateTime;

    // Something to say only when the review is overdue or the partner has confirmed.
    public async Task<ReviewReminder?> GetReviewReminderAsync(string userId, CancellationToken ct = default)
    {
        var coupleId = await db.Couples.AsNoTracking().ActiveFor(userId).Select(c => (int?)c.Id).SingleOrDefaultAsync(ct);
        return coupleId is { } id ? await ReminderOfAsync(userId, id, ct) : null;
    }

    // For a couple the service layer has already found as the person's active one (the home page).
    internal async Task<ReviewReminder?> ReminderOfAsync(string userId, int coupleId, CancellationToken ct)
    {
        var review = await db.ReviewStateAsync(coupleId, isClosed: false, Now, ct);
        var partnerIsWaiting = review.ConfirmedById is not null && review.ConfirmedById != userId;
        return review.IsOverdue || partnerIsWaiting
            ? new ReviewReminder(review.IsOverdue, review.IntervalWeeks, review.LastReviewedAt, partnerIsWaiting)
            : null;
    }

    // For reminders sent outside a request (no acting partner); a closed couple is never reminded.
    public async Task<bool> IsReviewOverdueAsync(int coupleId, CancellationToken ct = default)
    {
        var isActive = await db.Couples.AsNoTracking().AnyAsync(c => c.Id == coupleId && c.ClosedAt == null, ct);
        return isActive && (await db.ReviewStateAsync(coupleId, isClosed: false, Now, ct)).IsOverdue;
    }

    public async Task<Result<ReviewStep>> ConfirmReviewAsync(string userId)
    {
        await using var transaction = await db.Database.BeginTransactionAsync();
        var couple = await db.WritableCoupleAsync(userId);
        if (!couple.Succeeded)
        {
            return couple.Error;
        }

        var table = await TableForUpdateAsync(couple.Value.Id);
        var step = table.ConfirmReview(userId, Now);
        if (step == ReviewStep.WaitingForPartner)
        {
            await db.TellPartnerAsync(userId, couple.Value.Id, NotificationKind.ReviewToConfirm, "/Expectations", Now, coalesce: true);
        }

        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        logger.LogInformation("User {UserId} confirmed the expectations review of couple {CoupleId}: {Step}", userId, couple.Value.Id, step);
        return step;
    }

    public async Task<Result> ChangeReviewIntervalAsync(string userId, int weeks)
    {
        if (!ExpectationTable.ReviewIntervalChoices.Contains(weeks))
        {
            return ServiceError.Invalid("ReviewIntervalWeeks", "Please choose 2, 4, 8 or 12 weeks.");
        }

        await using var transaction = await db.Database.BeginTransactionAsync();
        var couple = await db.WritableCoupleAsync(userId);
        if (!couple.Succeeded)
        {
            return couple.Error;
        }

        var table = await TableForUpdateAsync(couple.Value.Id);
        table.ChangeReviewInterval(weeks);
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        return Result.Ok;
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
}
