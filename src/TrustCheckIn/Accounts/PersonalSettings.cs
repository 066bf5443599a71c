namespace TrustCheckIn.Accounts;

public enum ThemeChoice
{
    System,
    Light,
    Dark,
}

// How the app looks and writes dates for one person; read with the session on every request.
public sealed record PersonalSettings(ThemeChoice Theme, string? Locale)
{
    public const int LocaleLength = 16;

    public static PersonalSettings Default { get; } = new(ThemeChoice.System, null);

    // English everywhere (the words are English), with each place's own date and clock habits. All of these
    // write numbers with a decimal point, so form values and chart coordinates read the same in every one.
    public static IReadOnlyList<(string Name, string Label)> Locales { get; } =
    [
        ("en-GB", "United Kingdom"),
        ("en-IE", "Ireland"),
        ("en-US", "United States"),
        ("en-CA", "Canada"),
        ("en-AU", "Australia"),
        ("en-NZ", "New Zealand"),
        ("en-IN", "India"),
    ];

    public const string DefaultLocale = "en-GB";

    public static bool IsKnownLocale(string? name) => Locales.Any(l => string.Equals(l.Name, name, StringComparison.Ordinal));
}
