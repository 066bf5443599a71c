using System.Text;
using Microsoft.AspNetCore.WebUtilities;
using TrustCheckIn.Email;

namespace TrustCheckIn.Web.Pages.Account;

// The account e-mails: a greeting, one link, nothing a person typed (a display name can be anything at all).
public static class AccountMail
{
    public static string EncodeToken(string token) => WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(token));

    public static string? DecodeToken(string? encoded)
    {
        try
        {
            return encoded is null ? null : Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(encoded));
        }
        catch (FormatException)
        {
            return null;
        }
    }

    public static EmailMessage Confirm(string to, string link) => new(
        to,
        "Confirm your e-mail for TrustCheckIn",
        $"Hello,\n\nPlease confirm your e-mail address by opening this link:\n\n{link}\n\nIf you didn't create a TrustCheckIn account, you can ignore this message.\n");

    public static EmailMessage AlreadyRegistered(string to, string signInLink, string resetLink) => new(
        to,
        "Someone tried to create a TrustCheckIn account with your e-mail",
        $"Hello,\n\nSomeone (perhaps you) tried to create a new TrustCheckIn account with this e-mail address, which already has one.\n\nTo sign in: {signInLink}\nIf you've forgotten your password: {resetLink}\n\nIf this wasn't you, you don't need to do anything.\n");

    public static EmailMessage ConfirmNewEmail(string to, string link) => new(
        to,
        "Confirm your new e-mail for TrustCheckIn",
        $"Hello,\n\nTo start using this address for TrustCheckIn, open this link:\n\n{link}\n\nIf you didn't ask for this, you can ignore this message.\n");

    public static EmailMessage ResetPassword(string to, string link) => new(
        to,
        "Reset your TrustCheckIn password",
        $"Hello,\n\nTo choose a new password, open this link:\n\n{link}\n\nIf you didn't ask for this, you can ignore this message; your password stays as it is.\n");
}
