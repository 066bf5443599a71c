using System.Security.Cryptography;

namespace TrustCheckIn.Therapy;

public sealed class TherapistProfile
{
    public const int NameLength = 80;
    public const int PracticeLength = 120;
    public const int LicenceLength = 300;
    public const int LinkCodeLength = 10;

    private const string CodeAlphabet = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";

    private TherapistProfile()
    {
    }

    public TherapistProfile(string userId, string displayName, string practiceName, string? licence, DateTime now)
    {
        UserId = userId;
        CreatedAt = now;
        Update(displayName, practiceName, licence);
        NewLinkCode();
    }

    public int Id { get; private set; }

    public string UserId { get; private set; } = "";

    public string DisplayName { get; private set; } = "";

    public string PracticeName { get; private set; } = "";

    public string? Licence { get; private set; }

    public string LinkCode { get; private set; } = "";

    public DateTime CreatedAt { get; private set; }

    public void Update(string displayName, string practiceName, string? licence)
    {
        DisplayName = displayName.Trim();
        PracticeName = practiceName.Trim();
        Licence = string.IsNullOrWhiteSpace(licence) ? null : licence.Trim();
    }

    // A new code stops the old one from linking further couples; existing links stay.
    public void NewLinkCode() => LinkCode = RandomNumberGenerator.GetString(CodeAlphabet, LinkCodeLength);
}
