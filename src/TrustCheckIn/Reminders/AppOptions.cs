namespace TrustCheckIn.Reminders;

// Links in e-mails and the calendar address need the site's public address: no request to read it from.
public sealed class AppOptions
{
    public const string Section = "App";

    public string BaseUrl { get; set; } = "http://localhost:5114";

    public string Link(string path) => $"{BaseUrl.TrimEnd('/')}/{path.TrimStart('/')}";
}
