namespace TrustCheckIn.Feelings;

// Plain words a person might reach for, grouped by kind so the list is quick to scan on a phone.
public static class FeelingChoices
{
    public sealed record Group(string Kind, IReadOnlyList<string> Feelings);

    public static IReadOnlyList<Group> Groups { get; } =
    [
        new("Sad or hurt", ["sad", "hurt", "lonely", "disappointed", "left out", "discouraged"]),
        new("Worried or unsure", ["worried", "anxious", "scared", "insecure", "uneasy", "confused"]),
        new("Frustrated", ["frustrated", "irritated", "annoyed", "impatient", "resentful"]),
        new("Far apart", ["disconnected", "distant", "torn", "unsettled"]),
        new("Tired", ["tired", "drained", "overwhelmed", "stretched thin"]),
        new("Warm", ["grateful", "happy", "loved", "close", "relieved", "hopeful", "calm", "safe", "appreciated"]),
    ];

    public static bool IsListed(string feeling) =>
        Groups.Any(g => g.Feelings.Contains(feeling.Trim(), StringComparer.OrdinalIgnoreCase));
}
