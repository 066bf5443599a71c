using System.Collections.Frozen;
using System.Text.RegularExpressions;

namespace TrustCheckIn.Feelings;

// Advice, never a gate: finds blaming phrasing aimed at the partner and suggests a way to say it from
// the speaker's side. A pure function (no state, no I/O) so any page can run it on any text.
// Decisions, each covered by GentleLanguageTests:
// - Case is ignored; curly apostrophes count as straight ones; a missing apostrophe ("youll", "its") still matches.
// - Words inside closed quotation marks ("…", “…”, ‘…’, '…') report what someone said and are not flagged;
//   an unclosed quotation mark quotes nothing.
// - Sentences about the speaker ("I never feel heard") are not flagged: every rule needs "you" as the
//   subject, so "I love you always" or "I think about you constantly" (you as object) are left alone.
// - Appreciation is not flagged: a short list of kind endings ("you always make me laugh", "you never let me down").
// - Negated blame ("it's not your fault", "that's not typical of you") is reassurance, not blame.
// - Telling the partner what to do ("you should", "you need to") counts only where "you" starts a clause:
//   "if you should need me", "everything you need to know" and "do you need to" are left alone, and so is
//   encouragement ("you should be proud of yourself").
// - Dismissing ("calm down", "get over it") counts only as an instruction, never "I need to calm down".
public static partial class GentleLanguage
{
    public enum Kind
    {
        Never,
        Always,
        Fault,
        MakeMe,
        WhyCantYou,
        Whatever,
        Typical,
        Absolute,
        Should,
        Dismiss,
    }

    public sealed record Finding(int Start, int Length, string Text, Kind Kind, string Suggestion);

    private sealed record Rule(Kind Kind, Regex Pattern, Func<string, Match, bool> Excludes);

    private const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant;

    // Feelings someone is glad to be given: "you make me <this>" is appreciation.
    private const string KindWords = "laugh|smile|giggle|happy|safe|loved|good|better|special|proud|calm|grateful|welcome|strong|seen|heard"
        + "|beautiful|hopeful|excited|relaxed|brave|wanted|appreciated|whole|cared|home|at";

    private static readonly FrozenDictionary<Kind, string> Suggestions = new Dictionary<Kind, string>
    {
        [Kind.Never] = "\"Never\" can sound like a verdict. Try one moment and how it felt for you: \"I felt alone when we didn't talk last night.\"",
        [Kind.Always] = "\"Always\" can sound like a verdict. Try one recent moment: \"I felt hurt when our plans changed on Friday.\"",
        [Kind.Fault] = "Try saying what happened for you rather than who is to blame: \"I felt let down when …\"",
        [Kind.MakeMe] = "Try owning the feeling: \"I feel … when …\" tells your partner what happens in you, without blame.",
        [Kind.WhyCantYou] = "Try asking for what you'd like instead: \"It would mean a lot to me if we could …\"",
        [Kind.Whatever] = "\"Whatever\" can close the conversation. Try: \"I need a moment. Can we come back to this later?\"",
        [Kind.Typical] = "Try describing this one moment rather than who your partner is: \"When … happened, I felt …\"",
        [Kind.Should] = "Telling your partner what to do can land as an order. Try asking: \"Would you be willing to …?\" or \"It would help me if …\"",
        [Kind.Dismiss] = "This can sound as if the feeling doesn't count. Try: \"I can see this matters to you. Can you tell me more?\"",
        [Kind.Absolute] = "Words like \"constantly\" or \"don't even\" can land as an accusation. Try: \"I've noticed … and I feel …\"",
    }.ToFrozenDictionary();

    // A "you" right after one of these is the object of the sentence, not someone being accused.
    private static readonly FrozenSet<string> ObjectMarkers = new[]
    {
        "about", "of", "to", "for", "with", "at", "on", "from", "by", "without", "than", "beside", "near", "around", "behind",
        "miss", "love", "need", "want", "see", "hear", "thank", "tell", "call", "text", "adore", "trust", "hug", "kiss",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    private static readonly FrozenSet<string> ThingsMadeForMe = new[]
    {
        "a", "an", "the", "some", "this", "that", "my", "your", "one", "it", "something",
        "breakfast", "lunch", "dinner", "coffee", "tea", "food", "cake",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    private static readonly Rule[] Rules =
    [
        new(Kind.Never, NeverPattern(), (text, m) => IsObjectYou(text, m.Index) || NeverAppreciation().IsMatch(text[(m.Index + m.Length)..])),
        new(Kind.Always, AlwaysPattern(), (text, m) => IsObjectYou(text, m.Index) || AlwaysAppreciation().IsMatch(text[(m.Index + m.Length)..])),
        new(Kind.Fault, FaultPattern(), (text, m) => IsNegated(text, m.Index)),
        new(Kind.MakeMe, MakeMePattern(), (text, m) => IsObjectYou(text, m.Index)
            || (m.Groups["word"].Success && (ThingsMadeForMe.Contains(m.Groups["word"].Value) || KindWord().IsMatch(m.Groups["word"].Value)))),
        new(Kind.WhyCantYou, WhyCantYouPattern(), (_, _) => false),
        new(Kind.Whatever, WhateverPattern(), (_, _) => false),
        new(Kind.Typical, TypicalPattern(), (text, m) => IsNegated(text, m.Index)),
        new(Kind.Absolute, AbsolutePattern(), (text, m) => IsObjectYou(text, m.Index) || AbsoluteAppreciation().IsMatch(text[(m.Index + m.Length)..])),
        new(Kind.Should, ShouldPattern(), (text, m) => ShouldEncouragement().IsMatch(text[(m.Index + m.Length)..])),
        new(Kind.Dismiss, DismissPattern(), (_, _) => false),
    ];

    public static IReadOnlyList<Finding> Check(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return [];
        }

        // One character for one character, so every span found here is a span of the original text.
        var normalised = text.Replace('\u2019', '\'').Replace('\u2018', '\'').Replace('\u02BC', '\'');
        var quoted = QuotedRanges(text);
        var candidates = new List<Finding>();
        foreach (var rule in Rules)
        {
            foreach (Match match in rule.Pattern.Matches(normalised))
            {
                if (!quoted.Any(q => q.Start < match.Index && match.Index < q.End) && !rule.Excludes(normalised, match))
                {
                    candidates.Add(new Finding(match.Index, match.Length, text.Substring(match.Index, match.Length), rule.Kind, Suggestions[rule.Kind]));
                }
            }
        }

        // Where two findings overlap, the longer one says more ("you always make me angry" over "you always").
        var findings = new List<Finding>();
        foreach (var candidate in candidates.OrderBy(c => c.Start).ThenByDescending(c => c.Length))
        {
            if (findings.Count == 0 || candidate.Start >= findings[^1].Start + findings[^1].Length)
            {
                findings.Add(candidate);
            }
        }

        return findings;
    }

    private static List<(int Start, int End)> QuotedRanges(string text)
    {
        var ranges = new List<(int Start, int End)>();
        int? doubleOpen = null;
        int? singleOpen = null;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c is '"' or '\u201C' or '\u201D' or '\u201E' or '\u00AB' or '\u00BB')
            {
                if (doubleOpen is { } start)
                {
                    ranges.Add((start, i));
                    doubleOpen = null;
                }
                else
                {
                    doubleOpen = i;
                }
            }
            else if (c is '\'' or '\u2018' or '\u2019')
            {
                var before = i == 0 ? ' ' : text[i - 1];
                var after = i + 1 < text.Length ? text[i + 1] : ' ';
                // An apostrophe inside a word ("you'll") neither opens nor closes a quotation.
                if (singleOpen is null && !char.IsLetterOrDigit(before) && char.IsLetter(after))
                {
                    singleOpen = i;
                }
                else if (singleOpen is { } start && !char.IsWhiteSpace(before) && !char.IsLetterOrDigit(after))
                {
                    ranges.Add((start, i));
                    singleOpen = null;
                }
            }
        }

        return ranges;
    }

    private static bool IsObjectYou(string text, int index)
    {
        var before = text[..index].TrimEnd();
        var start = before.LastIndexOfAny([' ', '\t', '\r', '\n']) + 1;
        return ObjectMarkers.Contains(before[start..]);
    }

    // "not", "never" or an "n't" among the three words before, within the same clause.
    private static bool IsNegated(string text, int index)
    {
        var before = text[..index];
        var clause = before[(before.LastIndexOfAny(['.', ',', ';', '!', '?', ':']) + 1)..];
        return clause.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).TakeLast(3).Any(word =>
            word.Equals("not", StringComparison.OrdinalIgnoreCase) || word.Equals("never", StringComparison.OrdinalIgnoreCase)
            || word.EndsWith("n't", StringComparison.OrdinalIgnoreCase));
    }

    [GeneratedRegex(@"\byou(?:'?ll|'?d|'?ve|'?re|\s+will|\s+would|\s+have|\s+are)?\s+never\b", Options, 1000)]
    private static partial Regex NeverPattern();

    [GeneratedRegex(@"^\s+(?:know|can\s+tell|guess|fail\s+to|give\s+up|let\s+me\s+down|judge\s+me|stop\s+trying|cease\s+to)\b", Options, 1000)]
    private static partial Regex NeverAppreciation();

    [GeneratedRegex(@"\byou(?:'?re|\s+are)?\s+always\b", Options, 1000)]
    private static partial Regex AlwaysPattern();

    [GeneratedRegex(@"^\s+(?:make\s+me\s+(?:so\s+|really\s+|feel\s+(?:so\s+)?)?(?:" + KindWords + @")|know\s+how\s+to|try|mean\s+well"
        + @"|have\s+my\s+back|support|help|remember|find\s+a\s+way|cheer\s+me\s+up|show\s+up|look\s+out\s+for|there\s+for\s+me"
        + @"|so\s+(?:kind|patient|thoughtful|generous|caring|supportive)|hear\s+about)\b", Options, 1000)]
    private static partial Regex AlwaysAppreciation();

    [GeneratedRegex(@"\b(?:(?:(?:it|this|that|everything)(?:'?s|\s+is|\s+was)\s+)?(?:all\s+)?your\s+fault|you(?:'?re|\s+are)\s+to\s+blame|i\s+blame\s+you)\b", Options, 1000)]
    private static partial Regex FaultPattern();

    [GeneratedRegex(@"\byou(?:'?re\s+making|\s+are\s+making|(?:\s+(?:always|never|just|really|constantly|sometimes))?\s+(?:make|makes|made|keep\s+making))\s+me\b"
        + @"(?:\s+(?:feel\s+so|feel\s+really|feel\s+like|feel|so|really|very|want\s+to))?(?:\s+(?<word>(?!i\b)[a-z]+))?", Options, 1000)]
    private static partial Regex MakeMePattern();

    [GeneratedRegex(@"^(?:" + KindWords + @")$", Options, 1000)]
    private static partial Regex KindWord();

    [GeneratedRegex(@"\bwhy\s+(?:can'?t|cannot|can\s+not|couldn'?t|won'?t|wouldn'?t)\s+you\b", Options, 1000)]
    private static partial Regex WhyCantYouPattern();

    // Only the dismissive, stand-alone "whatever": "Fine, whatever." but not "whatever you need".
    [GeneratedRegex(@"(?<=(?:^|[\n.!?;:,…(\-–—])\s*|\b(?:or|just|so|fine|yeah|ok|okay)\s+)whatever\b(?=[ \t]*(?:[\n.!?;:,…)\-–—]|$))", Options, 1000)]
    private static partial Regex WhateverPattern();

    [GeneratedRegex(@"\b(?:(?:so|just|how|that'?s|that\s+is)\s+){0,2}typical(?:\s+of)?\s+you\b|\b(?:how|so|that'?s|that\s+is)\s+(?:so\s+)?typical\b(?=[ \t]*(?:[\n.!?;,…]|$))", Options, 1000)]
    private static partial Regex TypicalPattern();

    [GeneratedRegex(@"\byou(?:'?re|\s+are)?\s+(?:constantly|continually|perpetually)\b|\byou(?:'?re|\s+are)\s+forever\s+[a-z]+ing\b"
        + @"|\byou\s+(?:don'?t|didn'?t|won'?t|can'?t|couldn'?t|wouldn'?t|do\s+not|did\s+not|will\s+not|cannot)\s+(?:even|ever)\b"
        + @"|\byou\s+only\s+ever\b|\byou\s+(?:do|did)\s+nothing\b(?!\s+wrong)", Options, 1000)]
    private static partial Regex AbsolutePattern();

    [GeneratedRegex(@"^\s+know\s+how\s+much\b", Options, 1000)]
    private static partial Regex AbsoluteAppreciation();

    // "you" opening a clause (or after "and", "just", "I think" and the like), then an instruction.
    [GeneratedRegex(@"(?<=(?:^|[\n.!?;:,…(\-–—])\s*|\b(?:and|but|so|then|now|just|honestly|seriously|really|think|guess|maybe|also|or)\s+)"
        + @"you(?:\s+(?:really\s+|just\s+|seriously\s+)?(?:should(?:n'?t)?|need\s+to|have\s+to|must|ought\s+to)|(?:'?d|\s+had)\s+better)\b", Options, 1000)]
    private static partial Regex ShouldPattern();

    [GeneratedRegex(@"^\s+(?:be\s+(?:so\s+|really\s+)?proud|know\s+(?:how\s+much|that\s+i)|feel\s+(?:proud|good)|take\s+(?:it\s+easy|a\s+break|care\s+of\s+yourself)|rest\b|get\s+some\s+rest|treat\s+yourself)", Options, 1000)]
    private static partial Regex ShouldEncouragement();

    // An instruction to stop feeling: at the start of a clause or after "just", "please", "will you" …; or a label for the feeling.
    [GeneratedRegex(@"(?<=(?:^|[\n.!?;:,…(\-–—])\s*|\b(?:just|please|oh|now|can\s+you|will\s+you|would\s+you|could\s+you)\s+|\byou\s+(?:need\s+to|have\s+to|ought\s+to|should|must)\s+)(?:calm\s+down|get\s+over\s+it|chill\s+out)\b"
        + @"|\byou(?:'?re|\s+are)\s+(?:just\s+|being\s+|so\s+)*(?:overreacting|too\s+sensitive|over\s*sensitive|(?:so\s+)?dramatic|paranoid|hysterical)\b", Options, 1000)]
    private static partial Regex DismissPattern();
}
