using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using TrustCheckIn.Common;
using TrustCheckIn.Data;

namespace TrustCheckIn.Notifications;

public sealed class PushDeviceService(AppDbContext db, TimeProvider time, ILogger<PushDeviceService> logger)
{
    public Task<int> CountAsync(string userId, CancellationToken ct = default) => db.PushDevices.CountAsync(d => d.UserId == userId, ct);

    public async Task<Result> SubscribeAsync(string userId, string? endpoint, string? p256dh, string? auth)
    {
        if (!Uri.TryCreate(endpoint, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http") || endpoint.Length > PushDevice.EndpointLength
            || string.IsNullOrWhiteSpace(p256dh) || p256dh.Length > PushDevice.KeyLength || string.IsNullOrWhiteSpace(auth) || auth.Length > PushDevice.KeyLength)
        {
            return ServiceError.InvalidForm("This browser's push subscription could not be read. Please try turning push on again.");
        }

        var now = time.GetUtcNow().UtcDateTime;
        var device = await db.PushDevices.SingleOrDefaultAsync(d => d.Endpoint == endpoint);
        if (device is null)
        {
            db.PushDevices.Add(new PushDevice(userId, endpoint, p256dh, auth, now));
        }
        else
        {
            device.Renew(userId, p256dh, auth, now);
        }

        await db.SaveChangesAsync();
        logger.LogInformation("User {UserId} turned on push on a device", userId);
        return Result.Ok;
    }

    // Every device of this person: the page has no way to tell which one it is on without JavaScript.
    public async Task<Result> RemoveAllAsync(string userId)
    {
        var removed = await db.PushDevices.Where(d => d.UserId == userId).ExecuteDeleteAsync();
        logger.LogInformation("User {UserId} turned off push on {Count} devices", userId, removed);
        return Result.Ok;
    }
}
