namespace TrustCheckIn.Email;

public sealed class EmailOptions
{
    public const string Section = "Smtp";

    public string? Host { get; set; }

    public int Port { get; set; } = 587;

    public string? Username { get; set; }

    public string? Password { get; set; }

    public bool UseStartTls { get; set; } = true;

    public string From { get; set; } = "TrustCheckIn <no-reply@trustcheckin.local>";
}
