using System.Collections.Concurrent;
using TrustCheckIn.Email;

namespace TrustCheckIn.Tests.Reminders;

// Keeps every message instead of sending it; can fail the next N sends like a mail server that is down.
public sealed class RecordingEmailSender : IEmailSender
{
    private readonly ConcurrentQueue<EmailMessage> sent = new();
    private int failuresLeft;
    private string? failOnlyTo;
    private int calls;

    public int Calls => calls;

    public TimeSpan Delay { get; init; }

    public IReadOnlyList<EmailMessage> Sent => sent.ToArray();

    // Other couples in the same test database get their reminders too: fail only the one under test.
    public void FailNextTo(string email, int times)
    {
        failOnlyTo = email;
        failuresLeft = times;
    }

    public IReadOnlyList<EmailMessage> To(string email) =>
        sent.Where(m => string.Equals(m.To, email, StringComparison.OrdinalIgnoreCase)).ToList();

    public IReadOnlyList<EmailMessage> To(string email, string subject) =>
        To(email).Where(m => m.Subject == subject).ToList();

    public async Task SendAsync(EmailMessage message, CancellationToken ct = default)
    {
        Interlocked.Increment(ref calls);
        if (Delay > TimeSpan.Zero)
        {
            await Task.Delay(Delay, ct);
        }

        if (string.Equals(message.To, failOnlyTo, StringComparison.OrdinalIgnoreCase) && Interlocked.Decrement(ref failuresLeft) >= 0)
        {
            throw new IOException("The mail server did not answer.");
        }

        sent.Enqueue(message);
    }
}
