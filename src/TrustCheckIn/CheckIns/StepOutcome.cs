namespace TrustCheckIn.CheckIns;

// How last week's "one small thing I will do" went, in the author's own estimate; never scored or summed.
public enum StepOutcome
{
    Done,
    Partly,
    NotThisTime,
}
