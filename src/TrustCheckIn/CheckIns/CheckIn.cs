using TrustCheckIn.Accounts;
using TrustCheckIn.Couples;

namespace TrustCheckIn.CheckIns;

// One partner's answers for one couple-week. Editable until both partners have answered, then sealed.
public sealed class CheckIn
{
    private CheckIn()
    {
    }

    internal CheckIn(int coupleId, string authorId, IsoWeek week, CheckInAnswers answers, DateTime now)
    {
        CoupleId = coupleId;
        AuthorId = authorId;
        WeekKey = week.Key;
        WeekStart = week.Start;
        MonthKey = week.MonthKey;
        SubmittedAt = now;
        Apply(answers, now);
    }

    public int Id { get; private set; }

    public int CoupleId { get; private set; }

    public Couple? Couple { get; private set; }

    public string AuthorId { get; private set; } = "";

    public AppUser? Author { get; private set; }

    public int WeekKey { get; private set; }

    public DateOnly WeekStart { get; private set; }

    public int MonthKey { get; private set; }

    public int Trust { get; private set; }

    public int FeelingHeard { get; private set; }

    public int Connection { get; private set; }

    public int FollowThrough { get; private set; }

    public int EmotionalSafety { get; private set; }

    public string? WentWell { get; private set; }

    public string? OnMyMind { get; private set; }

    public string? SmallStep { get; private set; }

    // How last week's small step went, in the author's words of choice; revealed with the rest of this week.
    public StepOutcome? LastStepOutcome { get; private set; }

    // The partner's "I noticed" on that outcome, possible only once the week is revealed.
    public DateTime? StepNoticedAt { get; private set; }

    public DateTime SubmittedAt { get; private set; }

    public DateTime UpdatedAt { get; private set; }

    public DateTime? SealedAt { get; private set; }

    public bool IsSealed => SealedAt is not null;

    public IsoWeek Week => IsoWeek.FromKey(WeekKey);

    public Ratings Ratings => new(Trust, FeelingHeard, Connection, FollowThrough, EmotionalSafety);

    public void Edit(CheckInAnswers answers, DateTime now)
    {
        if (IsSealed)
        {
            throw new InvalidOperationException("A sealed check-in cannot change.");
        }

        Apply(answers, now);
    }

    public void Seal(DateTime now) => SealedAt ??= now;

    public void NoticeStep(DateTime now)
    {
        if (LastStepOutcome is null)
        {
            throw new InvalidOperationException("There is no small step to notice.");
        }

        StepNoticedAt ??= now;
    }

    private void Apply(CheckInAnswers answers, DateTime now)
    {
        if (answers.Problem() is not null)
        {
            throw new ArgumentException("Check-in answers are out of range.", nameof(answers));
        }

        var tidy = answers.Tidy();
        (Trust, FeelingHeard, Connection, FollowThrough, EmotionalSafety) = tidy.Ratings;
        WentWell = tidy.WentWell;
        OnMyMind = tidy.OnMyMind;
        SmallStep = tidy.SmallStep;
        LastStepOutcome = tidy.LastStep;
        UpdatedAt = now;
    }
}
