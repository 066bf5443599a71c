using TrustCheckIn.Common;

namespace TrustCheckIn.Expectations;

// What a row says: the part partners write, compare and see in the history.
public sealed record ExpectationContent(string Need, string Action, ExpectationFrequency Frequency, string? CustomFrequency)
{
    public const int NeedLength = 100;
    public const int ActionLength = 300;
    public const int CustomFrequencyLength = 60;

    public string FrequencyText => Describe(Frequency, CustomFrequency);

    public static string Describe(ExpectationFrequency frequency, string? customFrequency) => frequency switch
    {
        ExpectationFrequency.Daily => "Daily",
        ExpectationFrequency.Weekly => "Weekly",
        ExpectationFrequency.Monthly => "Monthly",
        _ => customFrequency ?? "",
    };

    // Trimmed, with the custom text kept only when it is the chosen frequency.
    public ExpectationContent Normalised() => new(
        (Need ?? "").Trim(),
        (Action ?? "").Trim(),
        Frequency,
        Frequency == ExpectationFrequency.Custom ? CustomFrequency?.Trim() : null);

    public ServiceError? Problem()
    {
        if (string.IsNullOrWhiteSpace(Need))
        {
            return ServiceError.Invalid(nameof(Need), "Please write the need this row is about.");
        }

        if (Need.Trim().Length > NeedLength)
        {
            return ServiceError.Invalid(nameof(Need), $"Please keep the need to {NeedLength} characters.");
        }

        if (string.IsNullOrWhiteSpace(Action))
        {
            return ServiceError.Invalid(nameof(Action), "Please write the action that builds trust.");
        }

        if (Action.Trim().Length > ActionLength)
        {
            return ServiceError.Invalid(nameof(Action), $"Please keep the action to {ActionLength} characters.");
        }

        if (!Enum.IsDefined(Frequency))
        {
            return ServiceError.Invalid(nameof(Frequency), "Please choose how often.");
        }

        if (Frequency == ExpectationFrequency.Custom && string.IsNullOrWhiteSpace(CustomFrequency))
        {
            return ServiceError.Invalid(nameof(CustomFrequency), "Please say how often in your own words, or choose daily, weekly or monthly.");
        }

        return Frequency == ExpectationFrequency.Custom && CustomFrequency!.Trim().Length > CustomFrequencyLength
            ? ServiceError.Invalid(nameof(CustomFrequency), $"Please keep how often to {CustomFrequencyLength} characters.")
            : null;
    }
}
