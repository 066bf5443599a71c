using TrustCheckIn.Email;
using TrustCheckIn.Reminders;

namespace TrustCheckIn.Notifications;

// A digest of kinds: what happened, with the fixed words of each kind, a link to the app and one unsubscribe link
// per kind. Nobody's words, ever.
public static class NotificationMail
{
    public static EmailMessage Compose(string to, string displayName, IReadOnlyList<NotificationKind> kinds, AppOptions app, Func<NotificationKind, string> unsubscribeToken)
    {
        var lines = string.Join("\n", kinds.Distinct().Order().Select(k => $"- {NotificationKinds.Title(k)}"));
        var stops = string.Join("\n", kinds.Distinct().Order().Select(k =>
            $"Stop e-mails about \"{NotificationKinds.Name(k)}\": {app.Link($"/Notifications/Unsubscribe?token={Uri.EscapeDataString(unsubscribeToken(k))}")}"));
        var text = $"""
            Hello {displayName},

            Something waits for you on TrustCheckIn:

            {lines}

            Open TrustCheckIn: {app.Link("/Notifications")}

            Choose what comes by e-mail: {app.Link("/Notifications/Settings")}
            {stops}
            """;
        return new EmailMessage(to, kinds.Count == 1 ? NotificationKinds.Name(kinds[0]) : "Things waiting for you on TrustCheckIn", text);
    }
}
