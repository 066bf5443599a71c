using TrustCheckIn.CheckIns;
using TrustCheckIn.Conversations;
using TrustCheckIn.Feelings;

namespace TrustCheckIn.Tests.Conversations;

// Pins the decisions written at the top of TalkPrompts, one table row per question.
public sealed class TalkPromptsTests
{
    public static TheoryData<CheckInDimension> Dimensions() => new(CheckInDimensions.All);

    public static TheoryData<string> EveryPrompt() => new(
        CheckInDimensions.All.SelectMany(d => new[] { TalkPrompts.For(d).Question, TalkPrompts.For(d).Starter.Sentence })
            .Concat(TalkPrompts.ListeningReminders)
            .Concat([TalkPrompts.Welcome, TalkPrompts.BriefIntro, TalkPrompts.NoDifferences, TalkPrompts.Skipped, TalkPrompts.SmallStepQuestion,
                TalkPrompts.SmallStepHint, TalkPrompts.Kept, TalkPrompts.AddedToTable, TalkPrompts.CarryOverQuestion]));

    [Theory]
    [MemberData(nameof(Dimensions))]
    public void EveryQuestionIsCuriousAndOpenNeverWhy(CheckInDimension dimension)
    {
        var question = TalkPrompts.For(dimension).Question;

        Assert.EndsWith("?", question, StringComparison.Ordinal);
        Assert.Matches("^(What|How|When)\\b", question);
        Assert.DoesNotContain("why", question, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [MemberData(nameof(Dimensions))]
    public void EveryStarterUsesAListedFeelingAndLeavesTheMomentOpen(CheckInDimension dimension)
    {
        var starter = TalkPrompts.For(dimension).Starter;

        Assert.True(FeelingChoices.IsListed(starter.Feeling), starter.Feeling);
        Assert.Matches("\\b(and|but)$", starter.Situation);
        Assert.StartsWith($"I feel {starter.Feeling} when ", starter.Sentence, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(EveryPrompt))]
    public void NoPromptBlames(string prompt) => Assert.Empty(GentleLanguage.Check(prompt));

    [Fact]
    public void ListeningRemindersRotateSoNeighbouringStepsDiffer()
    {
        var reminders = Enumerable.Range(1, 6).Select(TalkPrompts.ListeningFor).ToList();

        Assert.All(reminders.Zip(reminders.Skip(1)), pair => Assert.NotEqual(pair.First, pair.Second));
        Assert.Equal(TalkPrompts.ListeningFor(1), TalkPrompts.ListeningFor(TalkPrompts.ListeningReminders.Count + 1));
    }

    [Theory]
    [InlineData(new[] { 5, 2, 4, 3, 3 }, new[] { 4, 5, 1, 3, 3 }, "FeelingHeard Connection Trust", "Trust")]
    [InlineData(new[] { 3, 3, 3, 3, 3 }, new[] { 3, 3, 3, 3, 3 }, "", "")]
    [InlineData(new[] { 1, 2, 3, 4, 5 }, new[] { 2, 3, 4, 5, 4 }, "Trust FeelingHeard Connection FollowThrough EmotionalSafety", "Trust FeelingHeard Connection FollowThrough EmotionalSafety")]
    [InlineData(new[] { 4, 4, 4, 4, 1 }, new[] { 4, 4, 4, 2, 5 }, "EmotionalSafety FollowThrough", "")]
    public void StepsGoLargestGapFirstOnePointApartIsBriefAndTheSameAnswerIsNoStep(int[] mine, int[] partners, string order, string brief)
    {
        var steps = Guide.StepsFor(Rated(mine), Rated(partners));

        Assert.Equal(order, string.Join(' ', steps.Select(s => s.Dimension)));
        Assert.Equal(brief, string.Join(' ', steps.Where(s => s.Brief).Select(s => s.Dimension)));
        Assert.Equal(Enumerable.Range(1, steps.Count), steps.Select(s => s.Number));
    }

    [Theory]
    [InlineData(StepOutcome.Done, "Done")]
    [InlineData(StepOutcome.Partly, "Partly")]
    [InlineData(StepOutcome.NotThisTime, "Not this time")]
    public void OutcomesAreSaidPlainly(StepOutcome outcome, string words) => Assert.Equal(words, TalkPrompts.Outcome(outcome));

    private static Ratings Rated(int[] r) => new(r[0], r[1], r[2], r[3], r[4]);
}
