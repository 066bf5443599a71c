using TrustCheckIn.Email;

namespace TrustCheckIn.Reminders;

// The whole text of a reminder: a greeting, one kind sentence and links. Nothing anyone wrote in the app.
public static class ReminderMail
{
    public static EmailMessage Compose(ReminderKind kind, string to, string displayName, AppOptions app, string unsubscribeToken)
    {
        var (subject, body, path, stop) = kind switch
        {
            ReminderKind.CheckIn => (
                "Your weekly check-in",
                "It's time for your weekly \"How are we doing?\" check-in. It takes a few minutes, whenever suits you this week.\nIf this week doesn't work out, that's all right: next week is a fresh start.",
                "/CheckIns",
                "weekly check-in reminders"),
            _ => (
                "A good time to look over your expectations",
                "It's been a while since the two of you looked over your expectations together. When you both have a quiet moment, it's a good time to revisit them.",
                "/Expectations",
                "expectations review reminders"),
        };
        var text = $"""
            Hello {displayName},

            {body}

            {app.Link(path)}

            Change when reminders come: {app.Link("/Reminders")}
            Stop {stop} with one click: {app.Link($"/Reminders/Unsubscribe?token={Uri.EscapeDataString(unsubscribeToken)}")}
            """;
        return new EmailMessage(to, subject, text);
    }
}
