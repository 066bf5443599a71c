using MimeKit;

namespace TrustCheckIn.Email;

// Mail carries links into the app and plain notices, never entry text.
public sealed record EmailMessage(string To, string Subject, string TextBody)
{
    internal MimeMessage ToMime(string from)
    {
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(from));
        message.To.Add(MailboxAddress.Parse(To));
        message.Subject = Subject;
        message.Body = new TextPart("plain") { Text = TextBody };
        return message;
    }
}
