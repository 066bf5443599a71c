using System.Collections.Frozen;
using TrustCheckIn.CheckIns;
using TrustCheckIn.Feelings;

namespace TrustCheckIn.Conversations;

// Every word "Talk it through" says, in one place so it can be reviewed and translated as a whole.
// Decisions, each covered by TalkPromptsTests:
// - Questions are curious, open and about the asker's partner's experience ("What …", "How …", "When …"),
//   never "why" (it asks for a defence) and never a verdict; every one ends with a question mark.
// - No prompt blames: each passes GentleLanguage.Check with nothing flagged.
// - Listening reminders are about the listener's own behaviour and rotate by step, so two steps in a row differ.
// - "I feel" starters use a feeling from the composer's own list, and leave the situation open ("when …")
//   for the person to finish: the app never puts words about the partner in anyone's mouth.
// - A difference of one point is a brief step (a question, no starter); equal answers are not a step at all.
// - A skipped step or a week with no differences is met kindly: nothing is "missed" or "failed".
public static class TalkPrompts
{
    public sealed record Prompt(string Question, FeelingWords Starter, string Need);

    private static readonly FrozenDictionary<CheckInDimension, Prompt> ByDimension = new Dictionary<CheckInDimension, Prompt>
    {
        [CheckInDimension.Trust] = new(
            "What happened this week that shaped how much trust you felt?",
            new("unsettled", "I'm not sure where I stand and", "to hear a little more about"),
            "Trust"),
        [CheckInDimension.FeelingHeard] = new(
            "When did you feel listened to this week, and when did you not?",
            new("lonely", "I share something and", "a moment to finish what I'm saying"),
            "Feeling heard"),
        [CheckInDimension.Connection] = new(
            "What moment this week made you feel closest to me, or furthest away?",
            new("distant", "our days pass and", "some time that is just ours"),
            "Connection"),
        [CheckInDimension.FollowThrough] = new(
            "How did the things we said we'd do feel from your side this week?",
            new("disappointed", "a plan changes and", "to know early when something can't happen"),
            "Follow-through"),
        [CheckInDimension.EmotionalSafety] = new(
            "What would help you feel safe saying hard things to me?",
            new("uneasy", "I bring something up and", "to feel that we're on the same side"),
            "Emotional safety"),
    }.ToFrozenDictionary();

    public static IReadOnlyList<string> ListeningReminders { get; } =
    [
        "Listen to understand, not to answer. Let them finish before you speak.",
        "Say back what you heard in your own words, and ask if you got it right.",
        "Your turn will come. For now, notice how this feels for them.",
        "It's fine to pause. A quiet moment is part of listening.",
    ];

    public const string Welcome = "Take turns. One of you asks, the other answers, then swap. You can stop or skip at any point.";

    public const string BriefIntro = "You saw these a little differently. A sentence each is plenty.";

    public const string NoDifferences = "You saw this week much the same way. You can go straight to one small step together.";

    public const string Skipped = "Skipping is fine. Some things are easier another day.";

    public const string SmallStepQuestion = "What is one small step you both agree on for the coming week?";

    public const string SmallStepHint = "Something small and concrete, like \"Phone at lunch on Wednesday\".";

    public const string Kept = "Kept as this week's shared step. It will be in your history.";

    public const string AddedToTable = "Added to your expectations table. You can change it there together.";

    public const string DefaultNeed = "Something we agreed on";

    public const string CarryOverQuestion = "How did it go?";

    public static Prompt For(CheckInDimension dimension) => ByDimension[dimension];

    public static string ListeningFor(int stepNumber) => ListeningReminders[(stepNumber - 1) % ListeningReminders.Count];

    public static string CarryOverLead(string smallStep) => $"Last week you said: \u201c{smallStep}\u201d";

    public static string Outcome(StepOutcome outcome) => outcome switch
    {
        StepOutcome.Done => "Done",
        StepOutcome.Partly => "Partly",
        StepOutcome.NotThisTime => "Not this time",
        _ => outcome.ToString(),
    };
}
