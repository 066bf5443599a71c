using TrustCheckIn.Common;

namespace TrustCheckIn.Feelings;

public sealed record FeelingWords(string Feeling, string Situation, string? Need)
{
    // The compose form's field for a word of the person's own, beside the list of feelings.
    public const string OwnFeelingField = "OwnFeeling";

    // The feeling is the person's own word, not one from the list: a problem with it belongs to that field.
    public bool OwnWord { get; init; }

    public string Sentence => Compose(Feeling, Situation, Need);

    // People often type the lead-in the labels already give ("when …", "I'd like …"): it is not repeated.
    public static string Compose(string feeling, string situation, string? need)
    {
        var sentence = $"I feel {feeling.Trim()} when {Finish(StripLead(situation, "when "))}";
        return string.IsNullOrWhiteSpace(need)
            ? sentence
            : $"{sentence} I'd like {Finish(StripLead(StripLead(need, "I'd like "), "I would like "))}";
    }

    public static ServiceError? Validate(FeelingWords words)
    {
        if (ValidateFeeling(words) is { } feelingProblem)
        {
            return feelingProblem;
        }

        var situation = words.Situation?.Trim() ?? "";
        if (situation.Length == 0)
        {
            return ServiceError.Invalid(nameof(Situation), "Please describe the moment: when does this feeling come up?");
        }

        if (situation.Length > FeelingStatement.SituationLength)
        {
            return ServiceError.Invalid(nameof(Situation), $"Please keep the moment to {FeelingStatement.SituationLength} characters.");
        }

        return (words.Need?.Trim().Length ?? 0) > FeelingStatement.NeedLength
            ? ServiceError.Invalid(nameof(Need), $"Please keep what you'd like to {FeelingStatement.NeedLength} characters.")
            : null;
    }

    public static ServiceError? ValidateFeeling(FeelingWords words)
    {
        var field = words.OwnWord ? OwnFeelingField : nameof(Feeling);
        var feeling = words.Feeling?.Trim() ?? "";
        if (feeling.Length == 0)
        {
            return ServiceError.Invalid(field, "Please choose a feeling, or write your own word.");
        }

        return feeling.Length > FeelingStatement.FeelingLength || !feeling.All(c => char.IsLetter(c) || c is ' ' or '-' or '\'' or '\u2019')
            ? ServiceError.Invalid(field, $"Please use a word or two for the feeling (letters only, up to {FeelingStatement.FeelingLength}), like \"left out\".")
            : null;
    }

    private static string StripLead(string text, string lead)
    {
        var trimmed = text.Trim();
        return trimmed.StartsWith(lead, StringComparison.OrdinalIgnoreCase) ? trimmed[lead.Length..].TrimStart() : trimmed;
    }

    private static string Finish(string text) => text.Length > 0 && text[^1] is '.' or '!' or '?' or '\u2026' ? text : text + ".";
}
