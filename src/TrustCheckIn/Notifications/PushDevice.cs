using TrustCheckIn.Accounts;

namespace TrustCheckIn.Notifications;

// A browser's push subscription: where to send, and the keys that encrypt for it. Removed when the push
// service says it is gone (404/410) or the person turns push off on that device.
public sealed class PushDevice
{
    public const int EndpointLength = 1000;
    public const int KeyLength = 200;

    private PushDevice()
    {
    }

    internal PushDevice(string userId, string endpoint, string p256dh, string auth, DateTime now)
    {
        UserId = userId;
        Endpoint = endpoint;
        P256dh = p256dh;
        Auth = auth;
        CreatedAt = now;
    }

    public int Id { get; private set; }

    public string UserId { get; private set; } = "";

    public AppUser? User { get; private set; }

    public string Endpoint { get; private set; } = "";

    public string P256dh { get; private set; } = "";

    public string Auth { get; private set; } = "";

    public DateTime CreatedAt { get; private set; }

    // The same browser subscribing again, perhaps for another account on a shared device: the newest owner keeps it.
    internal void Renew(string userId, string p256dh, string auth, DateTime now) => (UserId, P256dh, Auth, CreatedAt) = (userId, p256dh, auth, now);
}
