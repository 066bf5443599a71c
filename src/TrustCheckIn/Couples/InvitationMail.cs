using TrustCheckIn.Email;
using TrustCheckIn.Reminders;

namespace TrustCheckIn.Couples;

// Who invites, and the link: nothing else about the inviter or the app's contents.
public static class InvitationMail
{
    public static string LinkPath(string code) => $"/Invitation/{Uri.EscapeDataString(code)}";

    public static EmailMessage Compose(string to, string inviterDisplayName, string code, AppOptions app) => new(
        to,
        $"{inviterDisplayName} invited you to TrustCheckIn",
        $"""
        Hello,

        {inviterDisplayName} invited you to TrustCheckIn, a calm place for a couple's weekly check-in.

        Open the invitation: {app.Link(LinkPath(code))}

        If you don't know {inviterDisplayName}, you can ignore this message.
        """);
}
