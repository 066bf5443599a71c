using TrustCheckIn.Feelings;

namespace TrustCheckIn.Tests.Feelings;

public sealed class FeelingSentenceTests
{
    // Each row: feeling, situation, need as typed, and the one sentence the preview and the partner read.
    public static TheoryData<string, string, string?, string> Sentences => new()
    {
        { "lonely", "we eat apart", null, "I feel lonely when we eat apart." },
        { "I feel lonely", "When we eat apart", "", "I feel lonely when we eat apart." },
        { "hurt", "plans change late", "you should tell me earlier", "I feel hurt when plans change late. I'd like you to tell me earlier." },
        { "hurt", "plans change late", "I'd like you should tell me earlier", "I feel hurt when plans change late. I'd like you to tell me earlier." },
        { "worried", "you're out late", "You need to text me when you leave", "I feel worried when you're out late. I'd like you to text me when you leave." },
        { "worried", "you're out late", "you shouldn't leave it so late", "I feel worried when you're out late. I'd like you not to leave it so late." },
        { "unsure", "we argue", "we talk it through the next day", "I feel unsure when we argue. I'd like us to talk it through the next day." },
        { "unsure", "we argue", "I hope we can talk it through", "I feel unsure when we argue. I'd like us to talk it through." },
        { "tired", "the evenings fill up", "I want to rest on Sundays", "I feel tired when the evenings fill up. I'd like to rest on Sundays." },
        { "tired", "the evenings fill up", "I need you to help with dinner", "I feel tired when the evenings fill up. I'd like you to help with dinner." },
        { "left out", "plans are made without me", "please ask me first", "I feel left out when plans are made without me. I'd like you to ask me first." },
        { "left out", "plans are made without me", "you ask me first", "I feel left out when plans are made without me. I'd like you to ask me first." },
        { "calm", "we walk together", "more evenings like that!", "I feel calm when we walk together. I'd like more evenings like that!" },
        { "close", "we talk", "to do it more often", "I feel close when we talk. I'd like to do it more often." },
        { "close", "we talk", "I would like us to share our plans in the morning", "I feel close when we talk. I'd like us to share our plans in the morning." },
    };

    [Theory]
    [MemberData(nameof(Sentences))]
    public void TheBuilderNeverJoinsWordsIntoAnUngrammaticalSentence(string feeling, string situation, string? need, string expected)
    {
        Assert.Equal(expected, FeelingWords.Compose(feeling, situation, need));
    }
}
