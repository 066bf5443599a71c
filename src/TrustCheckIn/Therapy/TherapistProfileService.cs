using Microsoft.EntityFrameworkCore;
using TrustCheckIn.Common;
using TrustCheckIn.Data;

namespace TrustCheckIn.Therapy;

// The therapist's own profile and the code couples link with.
public sealed class TherapistProfileService(AppDbContext db, TimeProvider time)
{
    public sealed record ProfileView(string DisplayName, string PracticeName, string? Licence, string LinkCode);

    public Task<ProfileView?> GetProfileAsync(string therapistId, CancellationToken ct = default) =>
        db.TherapistProfiles.AsNoTracking()
            .Where(p => p.UserId == therapistId)
            .Select(p => new ProfileView(p.DisplayName, p.PracticeName, p.Licence, p.LinkCode))
            .SingleOrDefaultAsync(ct);

    public async Task<Result> SaveProfileAsync(string therapistId, string displayName, string practiceName, string? licence)
    {
        var profile = await db.TherapistProfiles.SingleOrDefaultAsync(p => p.UserId == therapistId);
        if (profile is null)
        {
            db.TherapistProfiles.Add(new TherapistProfile(therapistId, displayName, practiceName, licence, time.GetUtcNow().UtcDateTime));
        }
        else
        {
            profile.Update(displayName, practiceName, licence);
        }

        await db.SaveChangesAsync();
        return Result.Ok;
    }

    public async Task<Result> NewLinkCodeAsync(string therapistId)
    {
        var profile = await db.TherapistProfiles.SingleOrDefaultAsync(p => p.UserId == therapistId);
        if (profile is null)
        {
            return ServiceError.NotFound("profile");
        }

        profile.NewLinkCode();
        await db.SaveChangesAsync();
        return Result.Ok;
    }
}
