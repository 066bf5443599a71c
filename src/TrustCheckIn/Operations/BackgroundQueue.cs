using System.Threading.Channels;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace TrustCheckIn.Operations;

// Work that must not happen inside the request: creating an account, sending an account mail. How long it
// takes would tell whoever waits for the answer whether an address has an account. Each job runs in its own
// scope; on shutdown the queue is emptied before the host stops.
public sealed class BackgroundQueue(IServiceScopeFactory scopes, ILogger<BackgroundQueue> logger) : BackgroundService
{
    private readonly Channel<Func<IServiceProvider, Task>> jobs = Channel.CreateUnbounded<Func<IServiceProvider, Task>>(new UnboundedChannelOptions { SingleReader = true });
    private int unfinished;

    public bool IsEmpty => Volatile.Read(ref unfinished) == 0;

    public void Enqueue(Func<IServiceProvider, Task> job)
    {
        Interlocked.Increment(ref unfinished);
        if (!jobs.Writer.TryWrite(job))
        {
            Interlocked.Decrement(ref unfinished);
            throw new InvalidOperationException("The background queue is closed: the app is shutting down.");
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var job in jobs.Reader.ReadAllAsync(stoppingToken))
            {
                await RunAsync(job);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            jobs.Writer.TryComplete();
            while (jobs.Reader.TryRead(out var job))
            {
                await RunAsync(job);
            }
        }
    }

    private async Task RunAsync(Func<IServiceProvider, Task> job)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            await job(scope.ServiceProvider);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // Never an address or a text: only that one job failed, and how.
            logger.LogError("A background account job failed ({Error})", e.GetType().Name);
        }
        finally
        {
            Interlocked.Decrement(ref unfinished);
        }
    }
}
