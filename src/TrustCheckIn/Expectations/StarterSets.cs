namespace TrustCheckIn.Expectations;

public enum StarterSet
{
    PlaceToStart,
    DigitalBoundaries,
}

public sealed record StarterRow(string Key, ExpectationContent Content);

// Rows a couple can add with one click, in the app's own words; each has a key so it is added once.
public static class StarterSets
{
    public static IReadOnlyList<StarterRow> PlaceToStart { get; } =
    [
        new("start.transparency", new(
            "Transparency: knowing what each other's day holds",
            "Share our plans for the day, even in a line or two",
            ExpectationFrequency.Daily, null)),
        new("start.reassurance", new(
            "Reassurance: feeling valued and wanted",
            "Tell each other one thing we appreciate",
            ExpectationFrequency.Weekly, null)),
        new("start.connection", new(
            "Connection: time that is just for the two of us",
            "Plan some quality time together, with phones put away",
            ExpectationFrequency.Weekly, null)),
    ];

    public static IReadOnlyList<StarterRow> DigitalBoundaries { get; } =
    [
        new("digital.posting", new(
            "Feeling comfortable with what others see of us online",
            "Check with each other before posting photos or news about us",
            ExpectationFrequency.Custom, "Before each post")),
        new("digital.phones", new(
            "Privacy on our own phones, without secrets that hurt us",
            "Keep our phones our own, and agree together what we are both happy to share",
            ExpectationFrequency.Custom, "Whenever something changes")),
        new("digital.passwords", new(
            "Feeling safe rather than watched",
            "Share passwords only when we both agree to, and never ask under pressure",
            ExpectationFrequency.Custom, "Always")),
        new("digital.worries", new(
            "Raising online worries before they grow",
            "Bring up anything online that worries us calmly and early, face to face rather than by message",
            ExpectationFrequency.Custom, "As soon as it comes up")),
    ];

    public static IReadOnlyList<StarterRow> Rows(StarterSet set) => set switch
    {
        StarterSet.PlaceToStart => PlaceToStart,
        StarterSet.DigitalBoundaries => DigitalBoundaries,
        _ => throw new ArgumentOutOfRangeException(nameof(set)),
    };
}
