using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace TrustCheckIn.Reminders;

// "userId|kind", signed and encrypted with the app's Data Protection keys: a changed token does not read.
// One purpose per kind of kind (reminders, notifications), so a token of one never works for the other.
public sealed class UnsubscribeTokens(IDataProtectionProvider provider)
{
    private readonly IDataProtector reminders = provider.CreateProtector("Reminders.Unsubscribe");
    private readonly IDataProtector notifications = provider.CreateProtector("Notifications.Unsubscribe");

    public string Create<TKind>(string userId, TKind kind)
        where TKind : struct, Enum => For<TKind>().Protect($"{userId}|{kind}");

    public bool TryRead<TKind>(string? token, out string userId, out TKind kind)
        where TKind : struct, Enum
    {
        userId = "";
        kind = default;
        if (string.IsNullOrWhiteSpace(token) || token.Length > 1000)
        {
            return false;
        }

        string text;
        try
        {
            text = For<TKind>().Unprotect(token);
        }
        catch (CryptographicException)
        {
            return false;
        }
        catch (FormatException)
        {
            return false;
        }

        var parts = text.Split('|');
        if (parts.Length != 2 || parts[0].Length == 0 || !Enum.TryParse(parts[1], out kind) || !Enum.IsDefined(kind))
        {
            return false;
        }

        userId = parts[0];
        return true;
    }

    private IDataProtector For<TKind>()
        where TKind : struct, Enum => typeof(TKind) == typeof(ReminderKind) ? reminders : notifications;
}
