namespace TrustCheckIn.Data;

// A one-time step of the deploy that has finished for this database (for example, sealing the words a database from
// before encryption kept in the clear), so later starts skip it instead of reading every row again.
public sealed class DeployStep
{
    public const int NameLength = 100;

    public DeployStep(string name, DateTime completedAt)
    {
        Name = name;
        CompletedAt = completedAt;
    }

    public string Name { get; private set; }

    public DateTime CompletedAt { get; private set; }
}
