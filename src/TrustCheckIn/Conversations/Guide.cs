using TrustCheckIn.CheckIns;

namespace TrustCheckIn.Conversations;

// One question the partners answered differently, with what to ask, how to listen and a way to start.
public sealed record GuideStep(int Number, CheckInDimension Dimension, int Mine, int Partners, bool Brief)
{
    public int Gap => Math.Abs(Mine - Partners);

    public TalkPrompts.Prompt Prompt => TalkPrompts.For(Dimension);

    public string Listening => TalkPrompts.ListeningFor(Number);
}

public sealed record KeptStep(int WeekKey, string Text)
{
    public IsoWeek Week => IsoWeek.FromKey(WeekKey);
}

// Steps are numbered from 1; the step after the last is "one small step we agree on".
public sealed record Guide(int CoupleId, IsoWeek Week, string PartnerDisplayName, IReadOnlyList<GuideStep> Steps, string? KeptStep)
{
    public int ClosingNumber => Steps.Count + 1;

    public GuideStep? Step(int number) => number >= 1 && number <= Steps.Count ? Steps[number - 1] : null;

    // The need a row added from here is for: the question they saw most differently, else a plain default.
    public string SuggestedNeed => Steps.Count > 0 ? Steps[0].Prompt.Need : TalkPrompts.DefaultNeed;

    // Largest gap first (ties in the order of the check-in form); one point apart is a brief step; the same answer is none.
    public static IReadOnlyList<GuideStep> StepsFor(Ratings mine, Ratings partners) => CheckInDimensions.All
        .Select((dimension, order) => (dimension, order, gap: Math.Abs(mine[dimension] - partners[dimension])))
        .Where(d => d.gap > 0)
        .OrderByDescending(d => d.gap)
        .ThenBy(d => d.order)
        .Select((d, index) => new GuideStep(index + 1, d.dimension, mine[d.dimension], partners[d.dimension], d.gap < Ratings.DivergenceGap))
        .ToList();
}
