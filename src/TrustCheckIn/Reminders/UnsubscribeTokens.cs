using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace TrustCheckIn.Reminders;

// "userId|kind", signed and encrypted with the app's Data Protection keys: a changed token does not read.
public sealed class UnsubscribeTokens(IDataProtectionProvider provider)
{
    private readonly IDataProtector protector = provider.CreateProtector("Reminders.Unsubscribe");

    public string Create(string userId, ReminderKind kind) => protector.Protect($"{userId}|{kind}");

    public bool TryRead(string? token, out string userId, out ReminderKind kind)
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
            text = protector.Unprotect(token);
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
}
