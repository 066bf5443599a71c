using System.Globalization;
using TrustCheckIn.CheckIns;
using TrustCheckIn.Web.Infrastructure;

namespace TrustCheckIn.Web.Pages.CheckIns;

// Geometry for one small server-rendered SVG line chart: one question, both partners, twelve buckets.
public sealed record TrendChart(CheckInDimension Dimension, string Title, string PartnerDisplayName, IReadOnlyList<string> Labels, IReadOnlyList<double?> Mine, IReadOnlyList<double?> Partner)
{
    public const int Width = 320;
    public const int Height = 170;
    private const int Left = 26;
    private const int Right = 10;
    private const int Top = 10;
    private const int Bottom = 30;

    public string Id => $"trend-{Dimension}";

    public static IReadOnlyList<TrendChart> From(TrendView trend) => CheckInDimensions.All
        .Select(d => new TrendChart(
            d,
            $"{d.Label()}, {(trend.Buckets.Count < TrendBuckets.Length ? "since you became a couple" : trend.Period == TrendPeriod.Weeks ? "last 12 weeks" : "last 12 months")}",
            trend.PartnerDisplayName,
            trend.Buckets.Select(b => Label(trend.Period, b.Start)).ToList(),
            trend.Buckets.Select(b => b.Mine?[d]).ToList(),
            trend.Buckets.Select(b => b.Partner?[d]).ToList()))
        .ToList();

    // "1 Dec" or "Dec 1" for a week, "Dec 2026" for a month: the reader's own order and month names.
    public static string Label(TrendPeriod period, DateOnly start) => period == TrendPeriod.Weeks ? Dates.ShortDayAndMonth(start) : Dates.ShortMonth(start);

    public static IReadOnlyList<int> Scale { get; } = [1, 2, 3, 4, 5];

    public static string Number(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);

    public static string Describe(IReadOnlyList<string> labels, IReadOnlyList<double?> values) =>
        string.Join("; ", labels.Select((label, i) => $"{label}: {(values[i] is { } v ? Number(v) : "no check-in")}"));

    public string X(int index) => Number(Left + (index * (Width - Left - Right) / (double)Math.Max(1, Labels.Count - 1)));

    public string Y(double value) => Number(Top + ((Ratings.Highest - value) * (Height - Top - Bottom) / (Ratings.Highest - Ratings.Lowest)));

    public static int AxisX => Left;

    public static int AxisRight => Width - Right;

    public static int LabelY => Height - 8;

    // Unbroken runs of two or more values become lines; a missed bucket leaves a gap, never a drop to zero.
    public IEnumerable<string> Lines(IReadOnlyList<double?> values)
    {
        var run = new List<string>();
        for (var i = 0; i <= values.Count; i++)
        {
            if (i < values.Count && values[i] is { } value)
            {
                run.Add($"{X(i)},{Y(value)}");
                continue;
            }

            if (run.Count >= 2)
            {
                yield return string.Join(' ', run);
            }

            run.Clear();
        }
    }

    public IEnumerable<(string X, string Y)> Points(IReadOnlyList<double?> values) =>
        values.Select((v, i) => (v, i)).Where(p => p.v is not null).Select(p => (X(p.i), Y(p.v!.Value)));

    // First, middle and last labels only, so the axis stays readable on a phone.
    public bool ShowsLabel(int index) => index == 0 || index == Labels.Count - 1 || index == (Labels.Count - 1) / 2;
}
