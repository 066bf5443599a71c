using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TrustCheckIn.CheckIns;
using TrustCheckIn.Common;
using TrustCheckIn.Data;
using TrustCheckIn.Email;
using TrustCheckIn.Notifications;
using TrustCheckIn.Reminders;
using TrustCheckIn.Therapy;

namespace TrustCheckIn.Couples;

public sealed class CoupleService(AppDbContext db, PartnerConsentService therapy, IEmailSender mail, IOptions<AppOptions> app, TimeProvider time, ILogger<CoupleService> logger)
{
    public sealed record CoupleView(int Id, string PartnerId, string PartnerDisplayName, string TimeZoneId, DayOfWeek CheckInDay, DateTime FormedAt)
    {
        public CheckInSchedule Schedule => new(TimeZoneId, CheckInDay);
    }

    public sealed record InvitationView(int Id, string Code, string TimeZoneId, DayOfWeek CheckInDay, DateTime ExpiresAt);

    public sealed record InvitationPreview(string Code, string InviterDisplayName, InvitationState State, DateTime ExpiresAt)
    {
        // Said kindly wherever the invitation shows up: the landing page, registration, confirmation, joining.
        public string? Unavailable => State switch
        {
            InvitationState.Expired => $"This invitation from {InviterDisplayName} has expired: invitations last 7 days. Ask {InviterDisplayName} for a new one whenever you're ready.",
            InvitationState.Revoked => $"{InviterDisplayName} withdrew this invitation, so it no longer works. If you'd still like to join, ask them for a new one.",
            InvitationState.Used => "This invitation has already been used, so it can't make a couple again.",
            _ => null,
        };
    }

    private DateTime Now => time.GetUtcNow().UtcDateTime;

    public Task<CoupleView?> GetActiveAsync(string userId, CancellationToken ct = default) =>
        db.Couples.AsNoTracking()
            .ActiveFor(userId)
            .SeenBy(userId)
            .Select(c => new CoupleView(c.Id, c.PartnerId, c.PartnerDisplayName, c.TimeZoneId, c.CheckInDay, c.FormedAt))
            .SingleOrDefaultAsync(ct);

    // Active or closed: used to tell "your couple ended" from "you never had one".
    public Task<bool> HasHadACoupleAsync(string userId, CancellationToken ct = default) =>
        db.Couples.AnyFor(userId).AnyAsync(ct);

    public Task<List<InvitationView>> ListOpenInvitationsAsync(string userId, CancellationToken ct = default)
    {
        var now = Now;
        return db.Invitations.AsNoTracking()
            .Where(i => i.InviterId == userId && i.AcceptedAt == null && i.RevokedAt == null && i.ExpiresAt > now)
            .OrderByDescending(i => i.CreatedAt)
            .Select(i => new InvitationView(i.Id, i.Code, i.TimeZoneId, i.CheckInDay, i.ExpiresAt))
            .ToListAsync(ct);
    }

    public async Task<Result<InvitationView>> CreateInvitationAsync(string userId, CheckInSchedule schedule)
    {
        if (!CheckInSchedule.IsKnownTimeZone(schedule.TimeZoneId))
        {
            return ServiceError.Invalid("TimeZoneId", "Please choose a time zone from the list.");
        }

        await using var transaction = await db.Database.BeginTransactionAsync();
        if (await db.Couples.ActiveFor(userId).AnyAsync())
        {
            return ServiceError.RefusedByRule("You're already in a couple, so there is no one left to invite.");
        }

        var now = Now;
        // One open invitation at a time: a new one replaces the last, so old codes stop working.
        var open = await db.Invitations
            .Where(i => i.InviterId == userId && i.AcceptedAt == null && i.RevokedAt == null && i.ExpiresAt > now)
            .ToListAsync();
        open.ForEach(i => i.Revoke(now));

        var invitation = new Invitation(userId, schedule, now);
        db.Invitations.Add(invitation);
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        logger.LogInformation("User {UserId} created invitation {InvitationId}", userId, invitation.Id);
        return new InvitationView(invitation.Id, invitation.Code, invitation.TimeZoneId, invitation.CheckInDay, invitation.ExpiresAt);
    }

    public async Task<Result> RevokeInvitationAsync(string userId, int invitationId)
    {
        var invitation = await db.Invitations.SingleOrDefaultAsync(i => i.Id == invitationId && i.InviterId == userId);
        if (invitation is null || invitation.StateAt(Now) != InvitationState.Open)
        {
            return ServiceError.NotFound("invitation");
        }

        invitation.Revoke(Now);
        await db.SaveChangesAsync();
        logger.LogInformation("User {UserId} revoked invitation {InvitationId}", userId, invitationId);
        return Result.Ok;
    }

    // The mail holds the inviter's display name and the link, nothing more; the address is not stored.
    public async Task<Result> EmailInvitationAsync(string userId, int invitationId, string? email)
    {
        var invitation = await db.Invitations.Include(i => i.Inviter).SingleOrDefaultAsync(i => i.Id == invitationId && i.InviterId == userId);
        if (invitation is null || invitation.StateAt(Now) != InvitationState.Open)
        {
            return ServiceError.NotFound("invitation");
        }

        email = email?.Trim();
        // The attribute calls an empty value valid (that is [Required]'s job), so emptiness is checked here too.
        if (string.IsNullOrEmpty(email) || email.Length > 256 || !new System.ComponentModel.DataAnnotations.EmailAddressAttribute().IsValid(email))
        {
            return ServiceError.Invalid("Email", "Please enter your partner's e-mail address, like name@example.com.");
        }

        if (!invitation.TryCountEmail(Now))
        {
            return ServiceError.Invalid("Email", $"This invitation has been sent {Invitation.MaxEmails} times already. Copy the link and send it yourself, or make a new invitation.");
        }

        await db.SaveChangesAsync();
        try
        {
            await mail.SendAsync(InvitationMail.Compose(email, invitation.Inviter!.DisplayName, invitation.Code, app.Value));
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // The type only: a mail server's message may quote the address.
            logger.LogWarning("Invitation {InvitationId} could not be mailed ({Error})", invitation.Id, exception.GetType().Name);
            return ServiceError.Invalid("Email", "We couldn't send the invitation just now. Please try again in a little while, or copy the link instead.");
        }

        logger.LogInformation("User {UserId} mailed invitation {InvitationId}", userId, invitation.Id);
        return Result.Ok;
    }

    public async Task<InvitationPreview?> PreviewAsync(string code, CancellationToken ct = default)
    {
        var normalised = Invitation.NormaliseCode(code);
        var invitation = await db.Invitations.AsNoTracking()
            .Include(i => i.Inviter)
            .SingleOrDefaultAsync(i => i.Code == normalised, ct);
        return invitation is null
            ? null
            : new InvitationPreview(invitation.Code, invitation.Inviter!.DisplayName, invitation.StateAt(Now), invitation.ExpiresAt);
    }

    public async Task<Result<CoupleView>> AcceptAsync(string userId, string code)
    {
        var normalised = Invitation.NormaliseCode(code);
        // One writer at a time (BEGIN IMMEDIATE on SQLite, PostgresWriteLock on PostgreSQL): two acceptances are checked and written one after the other.
        await using var transaction = await db.Database.BeginTransactionAsync();
        var invitation = await db.Invitations.SingleOrDefaultAsync(i => i.Code == normalised);
        if (invitation is null)
        {
            return ServiceError.Invalid("Code", "We couldn't find an invitation with that code. Please check it with your partner.");
        }

        var now = Now;
        var refusal = await RefusalAsync(invitation, userId, now);
        if (refusal is not null)
        {
            return refusal;
        }

        var couple = invitation.Accept(userId, now);
        var othersOpen = await db.Invitations
            .Where(i => (i.InviterId == userId || i.InviterId == invitation.InviterId) && i.Id != invitation.Id
                && i.AcceptedAt == null && i.RevokedAt == null && i.ExpiresAt > now)
            .ToListAsync();
        othersOpen.ForEach(i => i.Revoke(now));
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        logger.LogInformation("User {UserId} accepted invitation {InvitationId}, forming couple {CoupleId}", userId, invitation.Id, couple.Id);
        var formed = await GetActiveAsync(userId);
        return formed is null ? ServiceError.NotFound("couple") : formed;
    }

    private async Task<ServiceError?> RefusalAsync(Invitation invitation, string userId, DateTime now)
    {
        if (invitation.InviterId == userId)
        {
            return ServiceError.Invalid("Code", "This is your own invitation. Share the code or link with your partner so they can join you.");
        }

        var state = invitation.StateAt(now);
        if (state == InvitationState.Used)
        {
            return ServiceError.Invalid("Code", "This invitation has already been used.");
        }

        // Checked before "withdrawn": forming a couple withdraws the inviter's other invitations.
        if (await db.Couples.ActiveFor(invitation.InviterId).AnyAsync())
        {
            return ServiceError.Invalid("Code", "The person who made this invitation is now in a couple, so it can no longer be used.");
        }

        if (state == InvitationState.Expired)
        {
            return ServiceError.Invalid("Code", "This invitation has expired. Ask your partner to create a new one.");
        }

        if (state == InvitationState.Revoked)
        {
            return ServiceError.Invalid("Code", "This invitation was withdrawn. Ask your partner for a new one.");
        }

        return await db.Couples.ActiveFor(userId).AnyAsync()
            ? ServiceError.RefusedByRule("You're already in a couple. To join someone else, leave your current couple first.")
            : null;
    }

    public async Task<Result> ChangeScheduleAsync(string userId, CheckInSchedule schedule)
    {
        if (!CheckInSchedule.IsKnownTimeZone(schedule.TimeZoneId))
        {
            return ServiceError.Invalid("TimeZoneId", "Please choose a time zone from the list.");
        }

        var couple = await db.Couples.ActiveFor(userId).SingleOrDefaultAsync();
        if (couple is null)
        {
            return ServiceError.NotFound("couple");
        }

        // Moving the clock mid-week could end the week early and reveal an answer before both have checked in.
        var thisWeek = IsoWeek.Current(time, couple.Schedule.TimeZone).Key;
        if (schedule.TimeZoneId != couple.TimeZoneId
            && await db.CheckIns.AnyAsync(c => c.CoupleId == couple.Id && c.SealedAt == null && c.WeekKey >= thisWeek))
        {
            return ServiceError.Invalid("TimeZoneId", "The time zone can change once this week's check-ins are both in, or when the week is over. The day can change now.");
        }

        couple.ChangeSchedule(schedule);
        await db.SaveChangesAsync();
        return Result.Ok;
    }

    public async Task<Result> LeaveAsync(string userId)
    {
        await using var transaction = await db.Database.BeginTransactionAsync();
        var couple = await db.Couples.ActiveFor(userId).SingleOrDefaultAsync();
        if (couple is null)
        {
            return ServiceError.NotFound("couple");
        }

        couple.Close(userId, Now);
        db.Tell(couple.PartnerAId == userId ? couple.PartnerBId : couple.PartnerAId, NotificationKind.PartnerLeft, couple.Id, userId, "/", Now);
        await db.SaveChangesAsync();
        await therapy.EndAccessAsync(couple.Id);
        await transaction.CommitAsync();
        logger.LogInformation("User {UserId} left couple {CoupleId}", userId, couple.Id);
        return Result.Ok;
    }
}
