namespace TrustCheckIn.Accounts;

public static class Roles
{
    public const string Partner = "Partner";
    public const string Therapist = "Therapist";
    public const string Administrator = "Administrator";

    public static IReadOnlyList<string> All { get; } = [Partner, Therapist, Administrator];
}
