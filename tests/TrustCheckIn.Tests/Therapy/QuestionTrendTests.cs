using TrustCheckIn.CheckIns;
using TrustCheckIn.Therapy;
using Direction = TrustCheckIn.Therapy.QuestionTrend.Direction;

namespace TrustCheckIn.Tests.Therapy;

public sealed class QuestionTrendTests
{
    public static TheoryData<int[], Direction> Cases => new()
    {
        { [], Direction.TooFewWeeks },
        { [4], Direction.TooFewWeeks },
        { [3, 4], Direction.Rising },
        { [4, 3], Direction.Falling },
        { [3, 3, 3, 3], Direction.Steady },
        // Under a point from the mean of the weeks before is steady.
        { [3, 4, 3, 4], Direction.Steady },
        // One odd week in the middle does not decide the word; the newest answer does.
        { [4, 4, 1, 4, 4], Direction.Steady },
        { [2, 2, 3, 2, 4], Direction.Rising },
        { [5, 5, 4, 5, 3], Direction.Falling },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void TheWordFollowsTheNewestAnswerAgainstTheWeeksBefore(int[] answers, Direction expected) =>
        Assert.Equal(expected, new QuestionTrend(CheckInDimension.Trust, answers).Heading);

    [Fact]
    public void EachQuestionKeepsItsOwnAnswersAndIsNeverBlended()
    {
        var trends = QuestionTrend.Of([new Ratings(2, 5, 3, 1, 4), new Ratings(3, 5, 2, 1, 5)]);

        Assert.Equal(CheckInDimensions.All, trends.Select(t => t.Question));
        Assert.Equal([2, 3], trends.Single(t => t.Question == CheckInDimension.Trust).Answers);
        Assert.Equal([5, 5], trends.Single(t => t.Question == CheckInDimension.FeelingHeard).Answers);
        Assert.Equal(Direction.Falling, trends.Single(t => t.Question == CheckInDimension.Connection).Heading);
    }
}
