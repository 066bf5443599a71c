using TrustCheckIn.Accounts;
using TrustCheckIn.Couples;

namespace TrustCheckIn.Feelings;

// "I feel <feeling> when <situation>. I'd like <need>." A private draft until its author shares it.
public sealed class FeelingStatement
{
    public const int FeelingLength = 40;
    public const int SituationLength = 500;
    public const int NeedLength = 500;
    public const int ReplyLength = 1000;

    private FeelingStatement()
    {
    }

    internal FeelingStatement(int coupleId, string authorId, FeelingWords words, DateTime now)
    {
        CoupleId = coupleId;
        AuthorId = authorId;
        SetWords(words);
        CreatedAt = now;
        Touch(now);
    }

    public int Id { get; private set; }

    public int CoupleId { get; private set; }

    public Couple? Couple { get; private set; }

    public string AuthorId { get; private set; } = "";

    public AppUser? Author { get; private set; }

    public string Feeling { get; private set; } = "";

    public string Situation { get; private set; } = "";

    public string? Need { get; private set; }

    public DateTime CreatedAt { get; private set; }

    public DateTime UpdatedAt { get; private set; }

    public DateTime? SharedAt { get; private set; }

    public DateTime? AcknowledgedAt { get; private set; }

    public string? AcknowledgedById { get; private set; }

    public AppUser? AcknowledgedBy { get; private set; }

    public string? Reply { get; private set; }

    public DateTime? TalkedAboutAt { get; private set; }

    public string? TalkedAboutById { get; private set; }

    public AppUser? TalkedAboutBy { get; private set; }

    // Concurrency token: the author withdrawing while the partner acknowledges must not both succeed.
    public int Version { get; private set; }

    public FeelingState State => StateOf(SharedAt, AcknowledgedAt);

    // Once the partner has answered or you've talked it through, taking it back would unsay something heard.
    public bool CanWithdraw => State == FeelingState.Shared && TalkedAboutAt is null;

    public static FeelingState StateOf(DateTime? sharedAt, DateTime? acknowledgedAt) =>
        sharedAt is null ? FeelingState.Draft
        : acknowledgedAt is null ? FeelingState.Shared
        : FeelingState.Acknowledged;

    public void Revise(FeelingWords words, DateTime now)
    {
        Ensure(State == FeelingState.Draft, "Only a draft can be changed.");
        SetWords(words);
        Touch(now);
    }

    public void Share(DateTime now)
    {
        Ensure(State == FeelingState.Draft, "Only a draft can be shared.");
        SharedAt = now;
        Touch(now);
    }

    public void Withdraw(DateTime now)
    {
        Ensure(CanWithdraw, "Only a shared statement nobody has answered yet can be withdrawn.");
        SharedAt = null;
        Touch(now);
    }

    public void Acknowledge(string partnerId, string? reply, DateTime now)
    {
        Ensure(State == FeelingState.Shared && partnerId != AuthorId, "Only the partner can acknowledge a shared statement, once.");
        var trimmed = string.IsNullOrWhiteSpace(reply) ? null : reply.Trim();
        Ensure(trimmed is null || trimmed.Length <= ReplyLength, "The reply is too long.");
        AcknowledgedAt = now;
        AcknowledgedById = partnerId;
        Reply = trimmed;
        Touch(now);
    }

    public void MarkTalkedAbout(string byUserId, DateTime now)
    {
        Ensure(State != FeelingState.Draft && TalkedAboutAt is null, "Only a shared statement can be marked talked about, once.");
        TalkedAboutAt = now;
        TalkedAboutById = byUserId;
        Touch(now);
    }

    private void Touch(DateTime now)
    {
        UpdatedAt = now;
        Version++;
    }

    private void SetWords(FeelingWords words)
    {
        Ensure(FeelingWords.Validate(words) is null, "The words of a statement must be valid.");
        Feeling = words.Feeling.Trim();
        Situation = words.Situation.Trim();
        Need = string.IsNullOrWhiteSpace(words.Need) ? null : words.Need.Trim();
    }

    private static void Ensure(bool condition, string message)
    {
        if (!condition)
        {
            throw new InvalidOperationException(message);
        }
    }
}

public enum FeelingState
{
    Draft,
    Shared,
    Acknowledged,
}
