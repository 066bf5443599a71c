namespace TrustCheckIn.Expectations;

public enum ExpectationFrequency
{
    Daily,
    Weekly,
    Monthly,
    Custom,
}
