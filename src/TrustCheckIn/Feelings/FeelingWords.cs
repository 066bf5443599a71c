using TrustCheckIn.Common;

namespace TrustCheckIn.Feelings;

public sealed record FeelingWords(string Feeling, string Situation, string? Need)
{
    // The compose form's field for a word of the person's own, beside the list of feelings.
    public const string OwnFeelingField = "OwnFeeling";

    // The feeling is the person's own word, not one from the list: a problem with it belongs to that field.
    public bool OwnWord { get; init; }

    public string Sentence => Compose(Feeling, Situation, Need);

    // People often type the lead-in the labels already give ("I feel …", "when …", "I'd like …"): it is not
    // repeated, and a need written as an instruction or a wish ("you should call", "we talk more") is joined so
    // the sentence stays grammatical ("I'd like you to call", "I'd like us to talk more").
    public static string Compose(string feeling, string situation, string? need)
    {
        var sentence = $"I feel {StripLeads(feeling, "I feel ", "feel ")} when {Finish(StripLeads(situation, "when ", "whenever "))}";
        return string.IsNullOrWhiteSpace(need) ? sentence : $"{sentence} I'd like {Finish(NeedPhrase(need))}";
    }

    private static readonly (string Lead, string Becomes)[] NeedLeads =
    [
        ("I'd like ", ""), ("I would like ", ""), ("I want ", ""), ("I need ", ""), ("I wish ", ""), ("I hope ", ""), ("please ", "you to "),
        ("you should ", "you to "), ("you shouldn't ", "you not to "), ("you need to ", "you to "), ("you have to ", "you to "),
        ("you must ", "you to "), ("you ought to ", "you to "), ("you could ", "you to "), ("you would ", "you to "), ("you'd ", "you to "), ("you can ", "you to "),
        ("we should ", "us to "), ("we need to ", "us to "), ("we could ", "us to "), ("we can ", "us to "), ("we'd ", "us to "),
        ("that we ", "us to "), ("that you ", "you to "), ("we ", "us to "),
    ];

    private static string NeedPhrase(string need)
    {
        var phrase = need.Trim();
        var changed = true;
        while (changed)
        {
            changed = false;
            foreach (var (lead, becomes) in NeedLeads)
            {
                if (phrase.StartsWith(lead, StringComparison.OrdinalIgnoreCase) && phrase.Length > lead.Length)
                {
                    phrase = becomes + phrase[lead.Length..].TrimStart();
                    changed = becomes.Length == 0;
                    break;
                }
            }
        }

        // "you call when …" reads as "you to call when …"; "you to …" and "you not to …" are left as they are.
        if (phrase.StartsWith("you ", StringComparison.OrdinalIgnoreCase) && !phrase.StartsWith("you to ", StringComparison.OrdinalIgnoreCase)
            && !phrase.StartsWith("you not to ", StringComparison.OrdinalIgnoreCase))
        {
            phrase = "you to " + phrase[4..].TrimStart();
        }

        return phrase;
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

    private static string StripLeads(string text, params string[] leads)
    {
        var trimmed = text.Trim();
        foreach (var lead in leads)
        {
            if (trimmed.StartsWith(lead, StringComparison.OrdinalIgnoreCase) && trimmed.Length > lead.Length)
            {
                return trimmed[lead.Length..].TrimStart();
            }
        }

        return trimmed;
    }

    private static string Finish(string text) => text.Length > 0 && text[^1] is '.' or '!' or '?' or '\u2026' ? text : text + ".";
}
