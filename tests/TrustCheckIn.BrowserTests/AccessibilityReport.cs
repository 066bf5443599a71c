namespace TrustCheckIn.BrowserTests;

// Pages scanned by axe and what it found, for the whole run (every test class), in test-output/axe-report.txt.
public sealed class AccessibilityReport(string folder)
{
    private readonly List<string> lines = [];
    private readonly Lock gate = new();

    public void Record(string name, string url, string razorPage, int violations, int seriousOrCritical) =>
        Write($"{name}\t{new Uri(url).AbsolutePath}\tpage={razorPage}\tviolations={violations}\tserious_or_critical={seriousOrCritical}");

    public void RecordNotScanned(string name, string url) =>
        Write($"{name}\t{new Uri(url).AbsolutePath}\tnot scanned: JavaScript is off (same markup as with it on)");

    private void Write(string line)
    {
        lock (gate)
        {
            lines.Add(line);
            File.WriteAllLines(Path.Combine(folder, "axe-report.txt"), lines);
        }
    }
}
