using TrustCheckIn.Feelings;

namespace TrustCheckIn.Tests.Feelings;

public sealed class GentleLanguageTests
{
    private static readonly string[] None = [];

    // Each row: a sentence, then every phrase the check must flag in it, in order (none when it must stay quiet).
    public static TheoryData<string, string[]> Sentences => new()
    {
        // "you never" and its contractions
        { "You never listen to me.", ["You never"] },
        { "you never call when you're late", ["you never"] },
        { "YOU NEVER ask about my day!", ["YOU NEVER"] },
        { "I feel like you never have time for us.", ["you never"] },
        { "You'll never understand how this feels.", ["You'll never"] },
        { "You\u2019ll never change, will you?", ["You\u2019ll never"] },
        { "youll never get it", ["youll never"] },
        { "You'd never do that for me.", ["You'd never"] },
        { "You've never once said sorry.", ["You've never"] },
        { "You're never home before nine.", ["You're never"] },
        { "you will never see it my way", ["you will never"] },
        { "When you\n never reply, I worry.", ["you\n never"] },
        // "you always"
        { "You always leave the dishes.", ["You always"] },
        { "you're always on your phone at dinner", ["you're always"] },
        { "You are always late, always.", ["You are always"] },
        { "Why is it that you ALWAYS forget?", ["you ALWAYS"] },
        // blame
        { "It's your fault we missed the train.", ["It's your fault"] },
        { "its all your fault", ["its all your fault"] },
        { "That was your fault, not mine.", ["That was your fault"] },
        { "Honestly, you're to blame for this.", ["you're to blame"] },
        { "I blame you for the mess.", ["I blame you"] },
        // "you make me …"
        { "You make me so angry when you do that.", ["You make me so angry"] },
        { "you made me feel stupid in front of them", ["you made me feel stupid"] },
        { "You're making me crazy.", ["You're making me crazy"] },
        { "You always make me feel small.", ["You always make me feel small"] },
        { "you make me feel like I'm invisible", ["you make me feel like"] },
        // "why can't you"
        { "Why can't you just text me back?", ["Why can't you"] },
        { "why cant you help for once", ["why cant you"] },
        { "Why won't you talk to me?", ["Why won't you"] },
        { "I keep wondering why you can't, and why couldn't you tell me?", ["why couldn't you"] },
        // dismissive "whatever"
        { "Whatever.", ["Whatever"] },
        { "Fine, whatever!", ["whatever"] },
        { "We could go out or whatever.", ["whatever"] },
        { "I said I was tired — whatever", ["whatever"] },
        // "typical of you"
        { "Typical of you to forget.", ["Typical of you"] },
        { "That's so typical of you.", ["That's so typical of you"] },
        { "You cancelled again. How typical.", ["How typical"] },
        // absolute words aimed at the partner
        { "You constantly interrupt me.", ["You constantly"] },
        { "You don't even notice when I'm upset.", ["You don't even"] },
        { "you didn't even say goodbye", ["you didn't even"] },
        { "You're constantly checking your phone.", ["You're constantly"] },
        { "You won't ever admit it.", ["You won't ever"] },
        { "You only ever think about work.", ["You only ever"] },
        { "You did nothing to help.", ["You did nothing"] },
        // telling the partner what to do
        { "You should have called me.", ["You should"] },
        { "you shouldn't talk to me like that", ["you shouldn't"] },
        { "Honestly, you need to grow up.", ["you need to"] },
        { "You have to stop doing that.", ["You have to"] },
        { "I think you should apologise.", ["you should"] },
        { "You'd better be home by ten.", ["You'd better"] },
        { "You must always have the last word.", ["You must"] },
        { "You really need to listen for once.", ["You really need to"] },
        // dismissing the feeling
        { "Calm down, it's only dinner.", ["Calm down"] },
        { "Oh just calm down.", ["calm down"] },
        { "Will you calm down and let me finish?", ["calm down"] },
        { "You need to calm down.", ["You need to", "calm down"] },
        { "Get over it, it was years ago.", ["Get over it"] },
        { "You're overreacting again.", ["You're overreacting"] },
        { "you are being too sensitive", ["you are being too sensitive"] },
        { "You're so dramatic about money.", ["You're so dramatic"] },
        // more than one finding
        { "You never help and you always complain.", ["You never", "you always"] },
        { "It's your fault. Whatever.", ["It's your fault", "Whatever"] },
        // speaker-centred: about me, not about you
        { "I never feel heard when we argue about money.", None },
        { "I always light up when you walk in.", None },
        { "I feel lonely when we don't talk in the evening.", None },
        { "I'd like us to share our plans in the morning.", None },
        { "I never want to go to bed angry.", None },
        { "I'll always remember our first trip.", None },
        // appreciation and kindness
        { "You always make me laugh.", None },
        { "You make me feel so safe.", None },
        { "You never let me down when it matters.", None },
        { "You're always there for me.", None },
        { "You made me breakfast and it meant a lot.", None },
        { "I love you always.", None },
        { "I think about you constantly when you travel.", None },
        { "Thank you, you don't even know how much that helped.", None },
        // reassurance and negation
        { "It's not your fault we were late.", None },
        { "It wasn't all your fault.", None },
        { "That's not typical of you, is everything okay?", None },
        { "You did nothing wrong.", None },
        // "whatever" that isn't dismissive, generic "you", and near misses
        { "Whatever you need, I'm here.", None },
        { "We can eat whatever, I don't mind.", None },
        { "You never know what the week will bring.", None },
        { "Your never-ending patience helps me.", None },
        { "It was a typical Tuesday.", None },
        { "My fault, I forgot the keys.", None },
        // look-alikes of telling and dismissing that stay quiet
        { "If you should need me, call.", None },
        { "Everything you need to know is in the note.", None },
        { "Do you need to borrow the car tomorrow?", None },
        { "What do you need to feel safe?", None },
        { "I should have told you sooner.", None },
        { "You should be proud of yourself.", None },
        { "You should know how much I love you.", None },
        { "Thank you. Should we eat out?", None },
        { "I need to calm down before we talk.", None },
        { "Walking together helps me calm down.", None },
        { "We both calm down after dinner.", None },
        { "I still can't get over it, the view was so lovely.", None },
        { "I was overreacting last night, sorry.", None },
        { "I'm too sensitive about money sometimes.", None },
        { "He told me \"calm down\" and I felt small.", None },
        // quoted speech reports what someone said
        { "When my mum said \"you never listen\" I felt small.", None },
        { "He shouted \u201Cit's your fault\u201D and I froze.", None },
        { "She told me 'you always do this' and walked off.", None },
        { "I remember you saying \u2018whatever\u2019 and leaving.", None },
        { "When you said \"I'm fine\" you never looked at me.", ["you never"] },
        { "\"You never listen\" is what I hear in my head, and you always say I'm overthinking.", ["you always"] },
        { "'Cause you never ask.", ["you never"] },
    };

    [Theory]
    [MemberData(nameof(Sentences))]
    public void FlagsExactlyTheBlamingPhrases(string sentence, string[] expected)
    {
        var findings = GentleLanguage.Check(sentence);

        Assert.Equal(expected, findings.Select(f => f.Text).ToArray());
    }

    [Theory]
    [MemberData(nameof(Sentences))]
    public void EveryFindingPointsAtItsTextWithASuggestion(string sentence, string[] expected)
    {
        var findings = GentleLanguage.Check(sentence);

        Assert.Equal(expected.Length, findings.Count);
        Assert.All(findings, f =>
        {
            Assert.Equal(f.Text, sentence.Substring(f.Start, f.Length));
            Assert.False(string.IsNullOrWhiteSpace(f.Suggestion));
        });
    }

    [Fact]
    public void TheTableCoversAtLeastSixtySentencesBothFlaggedAndNot()
    {
        var rows = Sentences.Select(row => (string[])row[1]).ToList();

        Assert.True(rows.Count >= 60, $"Only {rows.Count} sentences.");
        Assert.True(rows.Count(r => r.Length == 0) >= 20);
        Assert.True(rows.Count(r => r.Length > 0) >= 30);
    }

    [Fact]
    public void SpanIsWhereThePhraseStarts()
    {
        var findings = GentleLanguage.Check("When we talk, you never look up.");

        var finding = Assert.Single(findings);
        Assert.Equal(14, finding.Start);
        Assert.Equal(9, finding.Length);
        Assert.Equal(GentleLanguage.Kind.Never, finding.Kind);
    }

    [Fact]
    public void SuggestionCentresTheSpeaker()
    {
        var finding = Assert.Single(GentleLanguage.Check("you make me furious"));

        Assert.Equal(GentleLanguage.Kind.MakeMe, finding.Kind);
        Assert.Contains("I feel", finding.Suggestion, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void EmptyTextHasNothingToFlag(string? text)
    {
        Assert.Empty(GentleLanguage.Check(text));
    }
}
