using TrustCheckIn.CheckIns;
using TrustCheckIn.Journal;

namespace TrustCheckIn.Therapy;

// What a therapist may read of one couple right now: only the consented scopes, from each partner's start date.
public sealed record CoupleRecord(
    CoupleAccess Access,
    DateOnly? From,
    DateOnly? To,
    IReadOnlyList<CoupleRecord.CheckInEntry> CheckIns,
    IReadOnlyList<CoupleRecord.WeekStatus> Weeks,
    IReadOnlyList<CoupleRecord.DivergentWeek> DivergentWeeks,
    IReadOnlyList<CoupleRecord.FeelingEntry> Feelings,
    IReadOnlyList<CoupleRecord.JournalItem> Journal,
    IReadOnlyList<CoupleRecord.ReflectionItem> Reflections,
    IReadOnlyList<CoupleRecord.ExpectationItem> Expectations,
    IReadOnlyList<CoupleRecord.AgendaEntry> Agenda,
    IReadOnlyList<CoupleRecord.PracticeEntry> Practices)
{
    public sealed record CheckInEntry(string PartnerId, string PartnerName, IsoWeek Week, Ratings Ratings, string? WentWell, string? OnMyMind, string? SmallStep)
    {
        public StepOutcome? LastStepOutcome { get; init; }
    }

    // The small steps the couple agreed on together: joint, so shown only while both share their check-ins.
    public IReadOnlyList<Conversations.KeptStep> KeptSteps { get; init; } = [];

    public enum WeekState
    {
        Revealed,
        NotYetRevealed,
        NoCheckIn,
        Paused,
    }

    // Each week of the period since the couple formed, newest first, said plainly: an empty week is not a hidden one.
    public sealed record WeekStatus(IsoWeek Week, WeekState State);

    // The record's trend table shows at most this many of a partner's newest answered weeks per question.
    public const int TrendWeeks = 12;

    public IReadOnlyList<QuestionTrend> TrendsOf(PartnerConsent partner) =>
        QuestionTrend.Of(CheckIns.Where(c => c.PartnerId == partner.PartnerId).OrderBy(c => c.Week.Key).Select(c => c.Ratings).TakeLast(TrendWeeks));

    public IEnumerable<IsoWeek> WeeksIn(WeekState state) => Weeks.Where(w => w.State == state).Select(w => w.Week);

    public sealed record DivergentWeek(IsoWeek Week, IReadOnlyList<CheckInDimension> Dimensions);

    public sealed record FeelingEntry(string AuthorName, string Sentence, DateTime SharedAt, DateTime? AcknowledgedAt, DateTime? TalkedAboutAt);

    public sealed record JournalItem(string AuthorName, JournalPrompt? Prompt, string Text, DateTime CreatedAt);

    public sealed record ReflectionItem(string AuthorName, DateOnly Month, PatternRatings Ratings, string? Note);

    // Times on the couple's clock.
    public sealed record AgendaEntry(int Id, string AuthorName, string Text, DateTime AddedAt, DateTime? TalkedAboutAt);

    public sealed record PracticeAnswer(string PartnerName, bool Done, string? Line);

    public sealed record PracticeEntry(int Id, PracticeKind Kind, string? Text, DateOnly? DueOn, DateTime SuggestedAt, IReadOnlyList<PracticeAnswer> Answers);

    public sealed record ExpectationItem(string Need, string Action, string Frequency, string FollowThrough);
}
