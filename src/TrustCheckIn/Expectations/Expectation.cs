using TrustCheckIn.Couples;

namespace TrustCheckIn.Expectations;

public sealed class Expectation
{
    private Expectation()
    {
    }

    internal Expectation(int coupleId, ExpectationContent content, int position, DateTime now, string? starterKey = null)
    {
        CoupleId = coupleId;
        Apply(content);
        Position = position;
        CreatedAt = now;
        UpdatedAt = now;
        StarterKey = starterKey;
        Version = 1;
    }

    public int Id { get; private set; }

    public int CoupleId { get; private set; }

    public Couple? Couple { get; private set; }

    public string Need { get; private set; } = "";

    public string Action { get; private set; } = "";

    public ExpectationFrequency Frequency { get; private set; }

    public string? CustomFrequency { get; private set; }

    public int Position { get; private set; }

    // Which starter row this came from, so adding a starter set twice never duplicates it.
    public string? StarterKey { get; private set; }

    public DateTime CreatedAt { get; private set; }

    public DateTime UpdatedAt { get; private set; }

    public DateTime? RemovedAt { get; private set; }

    // Optimistic concurrency token (SQLite has no rowversion): every change moves it on by one.
    public int Version { get; private set; }

    public bool IsRemoved => RemovedAt is not null;

    public ExpectationContent Content => new(Need, Action, Frequency, CustomFrequency);

    public bool Edit(ExpectationContent content, DateTime now)
    {
        EnsureNotRemoved();
        var normalised = content.Normalised();
        if (normalised == Content)
        {
            return false;
        }

        Apply(normalised);
        Changed(now);
        return true;
    }

    public void MoveTo(int position, DateTime now)
    {
        EnsureNotRemoved();
        Position = position;
        Changed(now);
    }

    public void Remove(DateTime now)
    {
        EnsureNotRemoved();
        RemovedAt = now;
        Changed(now);
    }

    public void Restore(int position, DateTime now)
    {
        if (!IsRemoved)
        {
            throw new InvalidOperationException("Only a removed row can be brought back.");
        }

        RemovedAt = null;
        Position = position;
        Changed(now);
    }

    private void Apply(ExpectationContent content)
    {
        var normalised = content.Normalised();
        if (normalised.Problem() is { } problem)
        {
            throw new ArgumentException(problem.Message, nameof(content));
        }

        Need = normalised.Need;
        Action = normalised.Action;
        Frequency = normalised.Frequency;
        CustomFrequency = normalised.CustomFrequency;
    }

    private void Changed(DateTime now)
    {
        UpdatedAt = now;
        Version++;
    }

    private void EnsureNotRemoved()
    {
        if (IsRemoved)
        {
            throw new InvalidOperationException("A removed row cannot change until it is brought back.");
        }
    }
}
