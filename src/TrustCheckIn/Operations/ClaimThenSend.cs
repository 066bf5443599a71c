using Microsoft.Extensions.Logging;

namespace TrustCheckIn.Operations;

// The shape of every mail pass (reminders, notification digests): claim what is due, then send what was claimed.
// It never throws, so a broken mail server or a busy database cannot stop the app; what was claimed stays
// claimed and the next pass sends it.
public static class ClaimThenSend
{
    public static async Task RunAsync(ILogger logger, string pass, Func<CancellationToken, Task> claim, Func<CancellationToken, Task> send, CancellationToken ct)
    {
        try
        {
            await claim(ct);
            await send(ct);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            logger.LogInformation("{Pass} stopped; what it claimed is sent on the next run", pass);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            logger.LogError(exception, "{Pass} failed; it is tried again on the next run", pass);
        }
    }
}
