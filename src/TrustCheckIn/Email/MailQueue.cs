using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace TrustCheckIn.Email;

// Account mails leave the request, so how long SMTP takes never tells anyone whether an address has an account.
// On shutdown the queue is emptied before the host stops.
public sealed class MailQueue(IEmailSender sender, ILogger<MailQueue> logger) : BackgroundService
{
    private readonly Channel<EmailMessage> queue = Channel.CreateUnbounded<EmailMessage>(new UnboundedChannelOptions { SingleReader = true });
    private int unsent;

    public bool IsEmpty => Volatile.Read(ref unsent) == 0;

    public void Enqueue(EmailMessage message)
    {
        Interlocked.Increment(ref unsent);
        if (!queue.Writer.TryWrite(message))
        {
            Interlocked.Decrement(ref unsent);
            throw new InvalidOperationException("The mail queue is closed: the app is shutting down.");
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var message in queue.Reader.ReadAllAsync(stoppingToken))
            {
                await SendAsync(message);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            queue.Writer.TryComplete();
            while (queue.Reader.TryRead(out var message))
            {
                await SendAsync(message);
            }
        }
    }

    private async Task SendAsync(EmailMessage message)
    {
        try
        {
            await sender.SendAsync(message);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // Never the address or the text: only that one account mail did not go out.
            logger.LogError("An account e-mail could not be sent ({Error})", e.GetType().Name);
        }
        finally
        {
            Interlocked.Decrement(ref unsent);
        }
    }
}
