using Microsoft.AspNetCore.Identity;

namespace TrustCheckIn.Accounts;

public sealed class AppUser : IdentityUser
{
    public string DisplayName { get; set; } = "";

    public DateTime CreatedAt { get; set; }

    public TherapistStatus TherapistStatus { get; set; }

    // The last authenticator-app time step accepted: a code is never accepted twice.
    public long LastAuthenticatorTimeStep { get; set; }

    public ThemeChoice Theme { get; set; }

    // A culture name from PersonalSettings.Locales, or null to follow the browser's Accept-Language.
    public string? Locale { get; set; }
}

public enum TherapistStatus
{
    None,
    Pending,
    Approved,
    Rejected,
}
