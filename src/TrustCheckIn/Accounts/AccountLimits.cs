namespace TrustCheckIn.Accounts;

public static class AccountLimits
{
    public const int DisplayNameLength = 60;
    public const int MinimumPasswordLength = 12;
    public const int MaxFailedLogins = 5;
}
