namespace TrustCheckIn.CheckIns;

// What CheckInService returns to pages: each partner's view of a week, the history and earlier couples.
public enum WeekState
{
    NotStarted,
    PartnerCheckedIn,
    WaitingForPartner,
    BothCheckedIn,
}

public sealed record AnswersView(int CheckInId, Ratings Ratings, string? WentWell, string? OnMyMind, string? SmallStep, DateTime UpdatedAt)
{
    public StepOutcome? LastStepOutcome { get; init; }

    public bool StepNoticed { get; init; }

    // The author's own small step from the week before, shown beside how it went.
    public string? LastWeekStep { get; init; }
}

// LastWeekStep: the person's own "one small thing" from last week, asked about in this week's form.
public sealed record ThisWeekView(int CoupleId, IsoWeek Week, string PartnerDisplayName, DayOfWeek CheckInDay, AnswersView? Mine, bool PartnerCheckedIn, string? LastWeekStep = null)
{
    public WeekState State => (Mine is not null, PartnerCheckedIn) switch
    {
        (true, true) => WeekState.BothCheckedIn,
        (true, false) => WeekState.WaitingForPartner,
        (false, true) => WeekState.PartnerCheckedIn,
        _ => WeekState.NotStarted,
    };

    public bool IsSealed => State == WeekState.BothCheckedIn;
}

// Partner is set only once revealed; PartnerCheckedIn alone is all the other sees before that.
public sealed record WeekView(
    int CoupleId,
    IsoWeek Week,
    string PartnerDisplayName,
    bool CoupleIsActive,
    bool IsOver,
    AnswersView? Mine,
    string? PartnerReplyToMine,
    bool PartnerCheckedIn,
    AnswersView? Partner,
    string? MyReplyToPartner)
{
    public bool IsSealed => Mine is not null && PartnerCheckedIn;

    public IReadOnlyList<CheckInDimension> Differences =>
        Mine is not null && Partner is not null ? Mine.Ratings.DifferencesFrom(Partner.Ratings) : [];

    public bool CanReply => CoupleIsActive && Partner is not null;

    public bool CanTalkItThrough => CoupleIsActive && Mine is not null && Partner is not null;
}

public sealed record HistoryWeek(IsoWeek Week, bool IsCurrent, Ratings? Mine, bool PartnerCheckedIn, Ratings? Partner, bool IsPaused = false)
{
    public bool IsQuiet => Mine is null && !PartnerCheckedIn;

    public IReadOnlyList<CheckInDimension> Differences =>
        Mine is not null && Partner is not null ? Mine.DifferencesFrom(Partner) : [];
}

// Keyset paging on the week key: Older/Newer are the "before" cursors of the neighbouring pages (null Newer = the newest page).
public sealed record HistoryPage(int CoupleId, string PartnerDisplayName, IReadOnlyList<HistoryWeek> Weeks, IsoWeek? Older, bool HasNewer, IsoWeek? Newer, bool HasEarlier)
{
    // The small steps agreed at the end of "Talk it through" in this page's weeks, newest first.
    public IReadOnlyList<Conversations.KeptStep> KeptSteps { get; init; } = [];

    // The trend charts, on the newest page when asked for.
    public TrendView? Trend { get; init; }
}

public sealed record EarlierEntry(IsoWeek Week, AnswersView Answers);

public sealed record EarlierCursor(int WeekKey, int CheckInId);

public sealed record EarlierPage(IReadOnlyList<EarlierEntry> Entries, EarlierCursor? Older);
