using System.Collections.Concurrent;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using TrustCheckIn.Tests.Infrastructure;
using Xunit.Abstractions;

namespace TrustCheckIn.Tests.Security;

// Every log line the app writes, from every category, down to Debug.
public sealed class CapturingLoggerProvider : ILoggerProvider
{
    public ConcurrentQueue<string> Lines { get; } = new();

    public ILogger CreateLogger(string categoryName) => new CapturingLogger(categoryName, Lines);

    public void Dispose()
    {
    }

    private sealed class CapturingLogger(string category, ConcurrentQueue<string> lines) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull
        {
            lines.Enqueue($"{category} scope: {state}");
            return null;
        }

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var values = state is IEnumerable<KeyValuePair<string, object?>> pairs ? string.Join(" ", pairs.Select(p => $"{p.Key}={p.Value}")) : "";
            lines.Enqueue($"{logLevel} {category}: {formatter(state, exception)} [{values}] {exception}");
        }
    }
}

public sealed class LoggingTestApp : TestApp
{
    public CapturingLoggerProvider Logs { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        // Debug for every category the app itself does not restrict: what an operator gets by turning logging up.
        // ASP.NET Core and EF Core are turned up as well, past appsettings.json; only rules the app sets in code stay.
        builder.ConfigureLogging(logging => logging.AddProvider(Logs)
            .AddFilter(null, LogLevel.Debug)
            .AddFilter("Microsoft.AspNetCore", LogLevel.Debug)
            .AddFilter("Microsoft.EntityFrameworkCore", LogLevel.Debug));
    }
}

public sealed class LogPrivacyTests(LoggingTestApp app, ITestOutputHelper output) : IClassFixture<LoggingTestApp>
{
    [Fact]
    public async Task AFullJourneyLogsNoEntryText()
    {
        var world = await SecurityWorld.BuildAsync(app);
        var matrix = new MatrixRun(world);
        var a = world.Browser(Actor.PartnerA);
        var typed = $"CanaryTyped{Guid.NewGuid():N}";

        // Forms typed through the pages too, and a search: the words travel in a form body and a query string.
        await a.SubmitAsync(await a.GetPageAsync("/Journal/New"), "#entry-form", new() { ["Input.Text"] = $"{typed} journal" });
        await a.GetAsync($"/Journal?q={typed}");
        await a.SubmitAsync(await a.GetPageAsync("/Feelings/Compose"), "#compose-form", new() { ["Input.Feeling"] = "hurt", ["Input.Situation"] = $"{typed} feeling", ["Input.Need"] = "a call" });
        await a.SubmitAsync(await a.GetPageAsync("/Expectations/Add"), "#add-form", new() { ["Input.Need"] = $"{typed} need", ["Input.Action"] = "Text at noon", ["Input.Frequency"] = "Daily" });
        await a.SubmitAsync(await a.GetPageAsync("/CheckIns"), "#checkin-form", new()
        {
            ["Input.Trust"] = "4", ["Input.FeelingHeard"] = "4", ["Input.Connection"] = "4", ["Input.FollowThrough"] = "4", ["Input.EmotionalSafety"] = "4",
            ["Input.WentWell"] = $"{typed} week",
        });
        foreach (var row in AccessTable.Cases.Where(c => !c.IsPost))
        {
            foreach (var actor in Enum.GetValues<Actor>())
            {
                await matrix.CheckAsync(row, actor);
            }
        }

        var lines = app.Logs.Lines.ToList();
        var texts = world.Canaries.Select(c => (Name: c.Name, Text: c.Text)).Append((Name: "Typed", Text: typed)).ToList();
        var hits = lines.SelectMany(line => texts.Where(t => line.Contains(t.Text, StringComparison.Ordinal)).Select(t => $"{t.Name}: {line}")).ToList();
        output.WriteLine($"{lines.Count} log lines captured at Debug, {texts.Count} canaries searched, {hits.Count} hits.");
        Assert.True(lines.Count > 100, $"Only {lines.Count} log lines: the capture is not working.");
        Assert.True(hits.Count == 0, string.Join("\n", hits.Take(20)));
    }
}
