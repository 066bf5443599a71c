using System.Collections.Concurrent;

namespace TrustCheckIn.BrowserTests;

// Pages scanned by axe and what it found, written to test-output/axe-report.txt as the suite goes.
public sealed class AccessibilityReport(string folder)
{
    private readonly ConcurrentQueue<string> lines = new();

    public void Record(string name, string url, int violations, int seriousOrCritical)
    {
        lines.Enqueue($"{name}\t{new Uri(url).AbsolutePath}\tviolations={violations}\tserious_or_critical={seriousOrCritical}");
        File.WriteAllLines(Path.Combine(folder, "axe-report.txt"), lines);
    }
}
