namespace TrustCheckIn.Therapy;

// What one partner lets the couple's therapist read. Expectations and practice are joint: both partners must include them.
[Flags]
public enum ConsentScope
{
    None = 0,
    CheckIns = 1,
    Feelings = 2,
    Journal = 4,
    Expectations = 8,
    Agenda = 16,
    Practice = 32,
}

public enum ConsentStart
{
    Today,
    FromDate,
    AllHistory,
}
