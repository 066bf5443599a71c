using TrustCheckIn.CheckIns;

namespace TrustCheckIn.Web.Pages.CheckIns;

// The gentle questions behind each rating, asked the same way every week.
public static class CheckInWords
{
    public static string Question(CheckInDimension dimension) => dimension switch
    {
        CheckInDimension.Trust => "How much did I feel I could rely on us this week?",
        CheckInDimension.FeelingHeard => "How heard and understood did I feel?",
        CheckInDimension.Connection => "How close and connected did we feel?",
        CheckInDimension.FollowThrough => "How well did we each do what we said we would?",
        CheckInDimension.EmotionalSafety => "How safe did I feel to say what I really feel?",
        _ => "",
    };

    public static string Week(IsoWeek week) => $"Week of {week.Describe()}";
}
