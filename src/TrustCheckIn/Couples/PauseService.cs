using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using TrustCheckIn.CheckIns;
using TrustCheckIn.Common;
using TrustCheckIn.Data;
using TrustCheckIn.Notifications;

namespace TrustCheckIn.Couples;

// Pausing check-ins together: either partner proposes, the other answers, either may resume early.
public sealed class PauseService(AppDbContext db, TimeProvider time, ILogger<PauseService> logger)
{
    public enum PauseState
    {
        None,
        ProposedByMe,
        ProposedToMe,
        Running,
    }

    // EndWeekKey is exclusive: the pause is over when that week begins.
    public sealed record PauseView(int Id, PauseState State, int Weeks, int? EndWeekKey)
    {
        public static PauseView NoPause { get; } = new(0, PauseState.None, 0, null);

        // The last paused day (the Sunday before the end week), shown as "paused until".
        public DateOnly? Until => EndWeekKey is { } end ? IsoWeek.FromKey(end).Start.AddDays(-1) : null;
    }

    // The latest pause row as read by a query the caller already runs (home): its state on the couple's clock.
    public sealed record StoredPause(int? Id, string? ProposedById, PauseStatus? Status, int? Weeks, int? EndWeekKey);

    private sealed record ActiveCouple(int Id, string PartnerId, string TimeZoneId)
    {
        public IsoWeek CurrentWeek(TimeProvider time) => IsoWeek.Current(time, TimeZoneInfo.FindSystemTimeZoneById(TimeZoneId));
    }

    private DateTime Now => time.GetUtcNow().UtcDateTime;

    public static IReadOnlyList<int> WeekChoices { get; } = Enumerable.Range(CouplePause.MinWeeks, CouplePause.MaxWeeks).ToList();

    public PauseView StateOf(string userId, StoredPause stored, TimeZoneInfo zone)
    {
        if (stored is not { Id: { } id, Status: { } status, Weeks: { } weeks })
        {
            return PauseView.NoPause;
        }

        var current = IsoWeek.Current(time, zone);
        return status switch
        {
            PauseStatus.Proposed => new PauseView(id, stored.ProposedById == userId ? PauseState.ProposedByMe : PauseState.ProposedToMe, weeks, null),
            PauseStatus.Accepted when current.Key < stored.EndWeekKey => new PauseView(id, PauseState.Running, weeks, stored.EndWeekKey),
            _ => PauseView.NoPause,
        };
    }

    // Null without an active couple.
    public async Task<PauseView?> GetAsync(string userId, CancellationToken ct = default)
    {
        var couple = await db.Couples.AsNoTracking().ActiveFor(userId).Select(c => new { c.Id, c.TimeZoneId }).SingleOrDefaultAsync(ct);
        if (couple is null)
        {
            return null;
        }

        var latest = await db.CouplePauses.AsNoTracking().Where(p => p.CoupleId == couple.Id).OrderByDescending(p => p.Id)
            .Select(p => new StoredPause(p.Id, p.ProposedById, p.Status, p.Weeks, p.EndWeekKey))
            .FirstOrDefaultAsync(ct);
        return StateOf(userId, latest ?? new StoredPause(null, null, null, null, null), TimeZoneInfo.FindSystemTimeZoneById(couple.TimeZoneId));
    }

    public async Task<Result> ProposeAsync(string userId, int weeks)
    {
        if (weeks is < CouplePause.MinWeeks or > CouplePause.MaxWeeks)
        {
            return ServiceError.Invalid("Weeks", $"Please choose a pause of {CouplePause.MinWeeks} to {CouplePause.MaxWeeks} weeks.");
        }

        // One writer at a time (BEGIN IMMEDIATE on SQLite, PostgresWriteLock on PostgreSQL): two proposals at once are checked one after the other, so one stays open.
        await using var transaction = await db.Database.BeginTransactionAsync();
        var couple = await ActiveCoupleAsync(userId);
        if (couple is null)
        {
            return ServiceError.NotFound("couple");
        }

        var current = couple.CurrentWeek(time);
        var latest = await db.CouplePauses.Where(p => p.CoupleId == couple.Id).OrderByDescending(p => p.Id).FirstOrDefaultAsync();
        if (latest is not null && latest.IsOpenIn(current))
        {
            return ServiceError.RefusedByRule(latest.Status == PauseStatus.Proposed
                ? "A pause is already waiting for an answer. Withdraw it or answer it before suggesting another."
                : "Your check-ins are already paused. Resume them first if you'd like a different pause.");
        }

        var now = Now;
        var pause = new CouplePause(couple.Id, userId, weeks, now);
        db.CouplePauses.Add(pause);
        db.Tell(couple.PartnerId, NotificationKind.PauseProposed, couple.Id, userId, "/", now);
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        logger.LogInformation("User {UserId} proposed pause {PauseId} of {Weeks} weeks for couple {CoupleId}", userId, pause.Id, weeks, couple.Id);
        return Result.Ok;
    }

    public Task<Result> WithdrawAsync(string userId, int pauseId) =>
        ChangeAsync(userId, pauseId, (pause, _, _) => pause.Status != PauseStatus.Proposed
            ? ServiceError.RefusedByRule("This pause has already been answered.")
            : pause.ProposedById != userId
                ? ServiceError.RefusedByRule("Only the partner who suggested this pause can withdraw it. You can accept or decline it.")
                : null,
            (pause, _, now) => pause.Withdraw(now), null);

    public Task<Result> AnswerAsync(string userId, int pauseId, bool accept) =>
        ChangeAsync(userId, pauseId, (pause, _, _) => pause.Status != PauseStatus.Proposed
            ? ServiceError.RefusedByRule("This pause has already been answered.")
            : pause.ProposedById == userId
                ? ServiceError.RefusedByRule("This is your own suggestion: your partner answers it. You can withdraw it instead.")
                : null,
            (pause, current, now) =>
            {
                if (accept)
                {
                    pause.Accept(current, now);
                }
                else
                {
                    pause.Decline(now);
                }
            },
            accept ? NotificationKind.PauseAccepted : NotificationKind.PauseDeclined);

    public Task<Result> ResumeAsync(string userId, int pauseId) =>
        ChangeAsync(userId, pauseId, (pause, current, _) => pause.IsRunningIn(current)
            ? null
            : ServiceError.RefusedByRule("This pause is not running any more, so your check-ins are already on."),
            (pause, current, now) => pause.EndEarly(userId, current, now),
            NotificationKind.PauseEnded);

    // Load the pause through the actor's active couple (another couple's ids are not found), ask the rule, change, tell the partner.
    private async Task<Result> ChangeAsync(string userId, int pauseId, Func<CouplePause, IsoWeek, DateTime, ServiceError?> refusal,
        Action<CouplePause, IsoWeek, DateTime> change, NotificationKind? tell)
    {
        await using var transaction = await db.Database.BeginTransactionAsync();
        var couple = await ActiveCoupleAsync(userId);
        var pause = couple is null ? null : await db.CouplePauses.SingleOrDefaultAsync(p => p.Id == pauseId && p.CoupleId == couple.Id);
        if (couple is null || pause is null)
        {
            return ServiceError.NotFound("pause");
        }

        var current = couple.CurrentWeek(time);
        var now = Now;
        if (refusal(pause, current, now) is { } error)
        {
            return error;
        }

        change(pause, current, now);
        if (tell is { } kind)
        {
            db.Tell(couple.PartnerId, kind, couple.Id, userId, "/", now);
        }

        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        logger.LogInformation("User {UserId} changed pause {PauseId} of couple {CoupleId} to {Status}", userId, pause.Id, couple.Id, pause.Status);
        return Result.Ok;
    }

    private Task<ActiveCouple?> ActiveCoupleAsync(string userId) =>
        db.Couples.ActiveFor(userId).SeenBy(userId).Select(c => new ActiveCouple(c.Id, c.PartnerId, c.TimeZoneId)).SingleOrDefaultAsync();
}
