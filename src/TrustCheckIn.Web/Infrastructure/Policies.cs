namespace TrustCheckIn.Web.Infrastructure;

public static class Policies
{
    public const string Partner = nameof(Partner);
    public const string Therapist = nameof(Therapist);
    public const string Administrator = nameof(Administrator);
}
