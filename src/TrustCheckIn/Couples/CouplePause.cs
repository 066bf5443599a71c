using TrustCheckIn.CheckIns;

namespace TrustCheckIn.Couples;

public enum PauseStatus
{
    Proposed,
    Withdrawn,
    Declined,
    Accepted,
}

// The weeks one accepted pause covers, FirstWeekKey <= week < EndWeekKey.
public sealed record PausedWeeks(int FirstWeekKey, int EndWeekKey)
{
    public bool Includes(IsoWeek week) => FirstWeekKey <= week.Key && week.Key < EndWeekKey;
}

public static class PauseQueries
{
    // Accepted pauses covering at least one week from firstKey to lastKey (inclusive): the one overlap rule every reader asks.
    public static IQueryable<CouplePause> Covering(this IQueryable<CouplePause> pauses, int firstKey, int lastKey) =>
        pauses.Where(p => p.Status == PauseStatus.Accepted && p.FirstWeekKey <= lastKey && p.EndWeekKey > firstKey);
}

// A break a couple agrees on together: one partner proposes 1–8 weeks, the other accepts or declines.
public sealed class CouplePause
{
    public const int MinWeeks = 1;
    public const int MaxWeeks = 8;

    private CouplePause()
    {
    }

    internal CouplePause(int coupleId, string proposedById, int weeks, DateTime now)
    {
        if (weeks is < MinWeeks or > MaxWeeks)
        {
            throw new ArgumentOutOfRangeException(nameof(weeks), weeks, "A pause lasts 1 to 8 weeks.");
        }

        CoupleId = coupleId;
        ProposedById = proposedById;
        Weeks = weeks;
        ProposedAt = now;
    }

    public int Id { get; private set; }

    public int CoupleId { get; private set; }

    public Couple? Couple { get; private set; }

    public string ProposedById { get; private set; } = "";

    public int Weeks { get; private set; }

    public PauseStatus Status { get; private set; }

    public DateTime ProposedAt { get; private set; }

    public DateTime? AnsweredAt { get; private set; }

    // ISO week keys in the couple's time zone: paused weeks are FirstWeekKey <= week < EndWeekKey.
    public int? FirstWeekKey { get; private set; }

    public int? EndWeekKey { get; private set; }

    public DateTime? EndedEarlyAt { get; private set; }

    public string? EndedEarlyById { get; private set; }

    public bool IsRunningIn(IsoWeek week) => Status == PauseStatus.Accepted && FirstWeekKey <= week.Key && week.Key < EndWeekKey;

    // Open = still waiting for an answer, or accepted and not over yet: a couple has at most one.
    public bool IsOpenIn(IsoWeek week) => Status == PauseStatus.Proposed || (Status == PauseStatus.Accepted && week.Key < EndWeekKey);

    // It starts with the week it is accepted in: a couple asks for a break because they need it now, so this week's reminder stops too.
    public void Accept(IsoWeek current, DateTime now)
    {
        EnsureProposed();
        Status = PauseStatus.Accepted;
        AnsweredAt = now;
        FirstWeekKey = current.Key;
        EndWeekKey = current.AddWeeks(Weeks).Key;
    }

    public void Decline(DateTime now)
    {
        EnsureProposed();
        Status = PauseStatus.Declined;
        AnsweredAt = now;
    }

    public void Withdraw(DateTime now)
    {
        EnsureProposed();
        Status = PauseStatus.Withdrawn;
        AnsweredAt = now;
    }

    // The current week becomes a normal week again: it is no longer counted as paused.
    public void EndEarly(string byUserId, IsoWeek current, DateTime now)
    {
        if (!IsRunningIn(current))
        {
            throw new InvalidOperationException("Only a running pause can end early.");
        }

        EndWeekKey = current.Key;
        EndedEarlyAt = now;
        EndedEarlyById = byUserId;
    }

    private void EnsureProposed()
    {
        if (Status != PauseStatus.Proposed)
        {
            throw new InvalidOperationException("This pause has already been answered.");
        }
    }
}
