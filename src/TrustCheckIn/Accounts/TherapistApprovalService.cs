using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using TrustCheckIn.Common;
using TrustCheckIn.Data;
using TrustCheckIn.Notifications;

namespace TrustCheckIn.Accounts;

public sealed class TherapistApprovalService(AppDbContext db, UserManager<AppUser> users, TimeProvider time, ILogger<TherapistApprovalService> logger)
{
    public sealed record PendingTherapist(string Id, string DisplayName, string Email, DateTime CreatedAt);

    public Task<List<PendingTherapist>> ListPendingAsync(CancellationToken ct = default) =>
        db.Users.AsNoTracking()
            .Where(u => u.TherapistStatus == TherapistStatus.Pending && u.EmailConfirmed)
            .OrderBy(u => u.CreatedAt)
            .Select(u => new PendingTherapist(u.Id, u.DisplayName, u.Email!, u.CreatedAt))
            .ToListAsync(ct);

    public async Task<Result> DecideAsync(string administratorId, string therapistId, bool approve)
    {
        var user = await users.FindByIdAsync(therapistId);
        if (user is null || user.TherapistStatus != TherapistStatus.Pending)
        {
            return ServiceError.NotFound("pending therapist");
        }

        user.TherapistStatus = approve ? TherapistStatus.Approved : TherapistStatus.Rejected;
        if (approve)
        {
            // Saved by Identity's update below, through this same context.
            db.Tell(user.Id, NotificationKind.TherapistApproved, null, administratorId, "/Therapist/Profile", time.GetUtcNow().UtcDateTime);
        }

        var updated = await users.UpdateAsync(user);
        if (updated.Succeeded && approve)
        {
            updated = await users.AddToRoleAsync(user, Roles.Therapist);
        }

        if (!updated.Succeeded)
        {
            return ServiceError.Conflict("That change could not be saved. Please try again.");
        }

        logger.LogInformation("Administrator {AdministratorId} {Decision} therapist {TherapistId}", administratorId, approve ? "approved" : "rejected", therapistId);
        return Result.Ok;
    }
}
