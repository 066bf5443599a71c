namespace TrustCheckIn.Journal;

public enum JournalPrompt
{
    CoreValues,
    Boundary,
    PastDecision,
    KindWord,
    FeelingSecure,
    Doubts,
}

public static class JournalPrompts
{
    // Questions, not labels: each one is an invitation to write, in the app's own voice.
    public static string Question(this JournalPrompt prompt) => prompt switch
    {
        JournalPrompt.CoreValues => "What matters most to me? Which values do I want to live by?",
        JournalPrompt.Boundary => "Which boundary do I want to keep for myself, and why does it matter to me?",
        JournalPrompt.PastDecision => "Which past decision am I thinking about now, and what do I understand about it today?",
        JournalPrompt.KindWord => "What kind word would I offer a friend in my place? Can I say it to myself?",
        JournalPrompt.FeelingSecure => "What helps me feel safe and settled?",
        JournalPrompt.Doubts => "What tends to set off my doubts, and what helps when it does?",
        _ => throw new ArgumentOutOfRangeException(nameof(prompt)),
    };

    public static string ShortName(this JournalPrompt prompt) => prompt switch
    {
        JournalPrompt.CoreValues => "My core values",
        JournalPrompt.Boundary => "A boundary I want to keep",
        JournalPrompt.PastDecision => "A past decision I'm reflecting on",
        JournalPrompt.KindWord => "A kind word to myself",
        JournalPrompt.FeelingSecure => "What makes me feel secure",
        JournalPrompt.Doubts => "What triggers my doubts",
        _ => throw new ArgumentOutOfRangeException(nameof(prompt)),
    };

    public static IReadOnlyList<JournalPrompt> All { get; } = Enum.GetValues<JournalPrompt>();
}
