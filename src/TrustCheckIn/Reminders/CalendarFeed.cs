using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.WebUtilities;
using TrustCheckIn.Accounts;

namespace TrustCheckIn.Reminders;

// A partner's private calendar address. Only a SHA-256 hash of its secret token is stored, so the
// database never holds a working feed URL.
public sealed class CalendarFeed
{
    public const int TokenBytes = 32;
    public const int HashLength = 64;

    private CalendarFeed()
    {
    }

    private CalendarFeed(string userId, string tokenHash, DateTime now)
    {
        UserId = userId;
        TokenHash = tokenHash;
        CreatedAt = now;
    }

    public int Id { get; private set; }

    public string UserId { get; private set; } = "";

    public AppUser? User { get; private set; }

    public string TokenHash { get; private set; } = "";

    public DateTime CreatedAt { get; private set; }

    public static (CalendarFeed Feed, string Token) Create(string userId, DateTime now)
    {
        var token = NewToken();
        return (new CalendarFeed(userId, Hash(token), now), token);
    }

    // The old token stops working the moment the new hash is saved.
    public string Regenerate(DateTime now)
    {
        var token = NewToken();
        TokenHash = Hash(token);
        CreatedAt = now;
        return token;
    }

    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    private static string NewToken() => WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(TokenBytes));
}
