using TrustCheckIn.Accounts;

namespace TrustCheckIn.Journal;

// One per author: the values and boundaries they keep current, and when they last looked at them.
public sealed class SelfTrustChecklist
{
    public const int MaxValues = 10;
    public const int ValueLength = 80;
    public const int CoreValuesLength = MaxValues * (ValueLength + 1);
    public const int BoundariesLength = 4_000;

    private SelfTrustChecklist()
    {
    }

    internal SelfTrustChecklist(string authorId, IReadOnlyList<string> coreValues, string? boundaries, DateTime now)
    {
        AuthorId = authorId;
        Change(coreValues, boundaries, now);
    }

    public int Id { get; private set; }

    public string AuthorId { get; private set; } = "";

    public AppUser? Author { get; private set; }

    // One value per line.
    public string CoreValues { get; private set; } = "";

    public string Boundaries { get; private set; } = "";

    public DateTime RevisitedAt { get; private set; }

    public static IReadOnlyList<string> Lines(string? text) =>
        (text ?? "").Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

    public void Change(IReadOnlyList<string> coreValues, string? boundaries, DateTime now)
    {
        if (coreValues.Count > MaxValues || coreValues.Any(v => v.Length == 0 || v.Length > ValueLength || v.Contains('\n', StringComparison.Ordinal)))
        {
            throw new ArgumentException($"Up to {MaxValues} values of up to {ValueLength} characters.", nameof(coreValues));
        }

        var trimmedBoundaries = (boundaries ?? "").Trim();
        if (trimmedBoundaries.Length > BoundariesLength)
        {
            throw new ArgumentException($"Boundaries hold up to {BoundariesLength} characters.", nameof(boundaries));
        }

        CoreValues = string.Join('\n', coreValues);
        Boundaries = trimmedBoundaries;
        RevisitedAt = now;
    }

    public void MarkRevisited(DateTime now) => RevisitedAt = now;
}
