namespace TrustCheckIn.Therapy;

// The words partners and therapists read about sharing: what a scope is, what sharing it means, what a look did.
// One place, so the consent form, a request and the access log never describe the same thing differently.
public static class ConsentWords
{
    public static string Describe(ConsentScope scopes) => scopes == ConsentScope.None
        ? "nothing"
        : string.Join(", ", new[]
        {
            scopes.HasFlag(ConsentScope.CheckIns) ? "weekly check-ins" : null,
            scopes.HasFlag(ConsentScope.Feelings) ? "shared \"I feel\" statements" : null,
            scopes.HasFlag(ConsentScope.Journal) ? "journal entries marked shareable" : null,
            scopes.HasFlag(ConsentScope.Expectations) ? "the expectations table" : null,
            scopes.HasFlag(ConsentScope.Agenda) ? "the session agenda" : null,
            scopes.HasFlag(ConsentScope.Practice) ? "practice between sessions" : null,
        }.OfType<string>());

    // What sharing a scope means, in the partner's words, shown beside every request.
    public static string Describe(PracticeKind kind) => kind switch
    {
        PracticeKind.TwoFeelings => "Each write two \"I feel\" statements",
        PracticeKind.ReviewExpectations => "Review your expectations table together",
        PracticeKind.GuidedConversation => "Have one guided check-in conversation",
        PracticeKind.JournalPrompt => "Write a journal entry on a prompt",
        PracticeKind.OwnWords => "In your therapist's words",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    public static string Explain(ConsentScope scope) => scope switch
    {
        ConsentScope.CheckIns => "Your weekly check-in answers and what you wrote in them, once each week is revealed.",
        ConsentScope.Feelings => "The \"I feel\" statements you have shared with your partner (never drafts).",
        ConsentScope.Journal => "Journal entries and reflections you mark as shareable (never the others).",
        ConsentScope.Expectations => "Your expectations table and follow-through, once both of you agree to share it.",
        ConsentScope.Agenda => "What you add to the session agenda; your therapist can mark it talked about, never change it.",
        ConsentScope.Practice => "Practices your therapist suggests between sessions, whether you did them and your line on how it went; only once both of you agree.",
        _ => throw new ArgumentOutOfRangeException(nameof(scope)),
    };

    // One access-log row, as the couple reads it.
    public static string Logged(AccessKind kind, ConsentScope shown) => (kind, shown) switch
    {
        (AccessKind.PracticeSuggested, _) => "Suggested a practice",
        (AccessKind.AgendaTalkedAbout, _) => "Marked an agenda item talked about",
        (_, ConsentScope.None) => $"Tried to open the {PageOf(kind)}; nothing was shown",
        _ => $"Opened the {PageOf(kind)}: {Describe(shown)}",
    };

    private static string PageOf(AccessKind kind) => kind switch
    {
        AccessKind.Dashboard => "dashboard",
        AccessKind.Couple => "couple page",
        AccessKind.Summary => "printable summary",
        AccessKind.Session => "next-session page",
        // The two writes have their own words above: never a page.
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };
}
