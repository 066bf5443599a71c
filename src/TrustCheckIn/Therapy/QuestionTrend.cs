using TrustCheckIn.CheckIns;

namespace TrustCheckIn.Therapy;

// One partner's answers to one check-in question over recent revealed weeks, oldest first, and a plain word
// for where they are heading. Questions are never averaged together: "trust 2, connection 5" is not "3.5".
// Decisions, each covered by QuestionTrendTests:
// - The direction compares the newest answer with the mean of the ones before it, so one odd week in the
//   middle does not flip the word; a difference under one point on the 1–5 scale is "steady".
// - Fewer than two answers say nothing about a direction ("too few weeks").
// - Missed weeks are gaps, not zeros: only the weeks the partner answered count.
public sealed record QuestionTrend(CheckInDimension Question, IReadOnlyList<int> Answers)
{
    public const double SteadyWithin = 1.0;

    public enum Direction
    {
        TooFewWeeks,
        Steady,
        Rising,
        Falling,
    }

    public Direction Heading
    {
        get
        {
            if (Answers.Count < 2)
            {
                return Direction.TooFewWeeks;
            }

            var change = Answers[^1] - Answers.Take(Answers.Count - 1).Average();
            return change >= SteadyWithin ? Direction.Rising : change <= -SteadyWithin ? Direction.Falling : Direction.Steady;
        }
    }

    public string Describe() => Heading switch
    {
        Direction.Rising => "rising",
        Direction.Falling => "falling",
        Direction.Steady => "steady",
        _ => "too few weeks",
    };

    public static IReadOnlyList<QuestionTrend> Of(IEnumerable<Ratings> oldestFirst)
    {
        var answers = oldestFirst.ToList();
        return CheckInDimensions.All.Select(q => new QuestionTrend(q, answers.Select(r => r[q]).ToList())).ToList();
    }
}
