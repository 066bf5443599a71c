using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using TrustCheckIn.Couples;
using TrustCheckIn.Feelings;
using TrustCheckIn.Tests.Infrastructure;

namespace TrustCheckIn.Tests.Feelings;

public sealed class FeelingServiceTests(TestApp app) : IClassFixture<TestApp>
{
    private static readonly DateTimeOffset Start = new(2026, 3, 2, 9, 30, 0, TimeSpan.Zero);

    [Fact]
    public async Task DraftIsSeenOnlyByItsAuthor()
    {
        var (a, b) = await app.CreateCoupleAsync();
        await using var scope = app.Services.CreateAsyncScope();
        var feelings = Service(scope);

        var id = await SaveAsync(feelings, a, "the dishes pile up");

        Assert.NotNull(await feelings.GetAsync(a.Id, id));
        Assert.Null(await feelings.GetAsync(b.Id, id));
        Assert.Contains((await feelings.ListAsync(a.Id, FeelingList.Drafts, 1)).Items, s => s.Id == id);
        foreach (var list in Enum.GetValues<FeelingList>())
        {
            Assert.Empty((await feelings.ListAsync(b.Id, list, 1)).Items);
        }
    }

    [Fact]
    public async Task SharingShowsItToThePartnerFromThenOn()
    {
        var (a, b) = await app.CreateCoupleAsync();
        await using var scope = app.Services.CreateAsyncScope();
        var feelings = Service(scope);
        var id = await SaveAsync(feelings, a, "we skip our evening walk");

        var shared = await feelings.ShareAsync(a.Id, id);

        Assert.True(shared.Succeeded);
        Assert.Equal(FeelingState.Shared, (await feelings.GetAsync(b.Id, id))?.State);
        Assert.Contains((await feelings.ListAsync(b.Id, FeelingList.SharedWithMe, 1)).Items, s => s.Id == id);
        Assert.Contains((await feelings.ListAsync(a.Id, FeelingList.SharedByMe, 1)).Items, s => s.Id == id);
        Assert.Empty((await feelings.ListAsync(a.Id, FeelingList.Drafts, 1)).Items);
    }

    [Fact]
    public async Task AuthorCanWithdrawBeforeThePartnerAnswers()
    {
        var (a, b) = await app.CreateCoupleAsync();
        await using var scope = app.Services.CreateAsyncScope();
        var feelings = Service(scope);
        var id = await SaveAsync(feelings, a, "plans change at the last minute");
        await feelings.ShareAsync(a.Id, id);

        var withdrawn = await feelings.WithdrawAsync(a.Id, id);

        Assert.True(withdrawn.Succeeded);
        Assert.Null(await feelings.GetAsync(b.Id, id));
        Assert.Equal(FeelingState.Draft, (await feelings.GetAsync(a.Id, id))?.State);
        Assert.Empty((await feelings.ListAsync(b.Id, FeelingList.SharedWithMe, 1)).Items);
    }

    [Fact]
    public async Task WithdrawIsRefusedOnceAcknowledged()
    {
        var (a, b) = await app.CreateCoupleAsync();
        await using var scope = app.Services.CreateAsyncScope();
        var feelings = Service(scope);
        var id = await SaveAsync(feelings, a, "I wait for a message");
        await feelings.ShareAsync(a.Id, id);
        await feelings.AcknowledgeAsync(b.Id, id, null);

        var withdrawn = await feelings.WithdrawAsync(a.Id, id);

        Assert.Equal("Your partner has already answered this, so it stays shared between you.", withdrawn.Error?.Message);
        Assert.Equal(FeelingState.Acknowledged, (await feelings.GetAsync(b.Id, id))?.State);
    }

    [Fact]
    public async Task WithdrawIsRefusedOnceTalkedAbout()
    {
        var (a, b) = await app.CreateCoupleAsync();
        await using var scope = app.Services.CreateAsyncScope();
        var feelings = Service(scope);
        var id = await SaveAsync(feelings, a, "we argue in front of friends");
        await feelings.ShareAsync(a.Id, id);
        await feelings.MarkTalkedAboutAsync(b.Id, id);

        var withdrawn = await feelings.WithdrawAsync(a.Id, id);

        Assert.False(withdrawn.Succeeded);
        Assert.NotNull(await feelings.GetAsync(b.Id, id));
    }

    [Fact]
    public async Task AcknowledgementRecordsWhoWhenAndTheReply()
    {
        var (a, b) = await app.CreateCoupleAsync("Ada", "Ben");
        var clock = new FakeTimeProvider(Start);
        await using var scope = app.Services.CreateAsyncScope();
        var feelings = Service(scope, clock);
        var id = await SaveAsync(feelings, a, "the phone comes out at dinner");
        await feelings.ShareAsync(a.Id, id);
        clock.Advance(TimeSpan.FromHours(2));

        var heard = await feelings.AcknowledgeAsync(b.Id, id, "  Thank you for telling me.  ");
        var view = await feelings.GetAsync(a.Id, id);

        Assert.True(heard.Succeeded);
        Assert.Equal(FeelingState.Acknowledged, view!.State);
        Assert.Equal(Start.UtcDateTime.AddHours(2), view.AcknowledgedAt);
        Assert.Equal("Ben", view.AcknowledgedByName);
        Assert.Equal("Thank you for telling me.", view.Reply);
    }

    [Fact]
    public async Task OnlyThePartnerAcknowledgesAndOnlyOnce()
    {
        var (a, b) = await app.CreateCoupleAsync();
        await using var scope = app.Services.CreateAsyncScope();
        var feelings = Service(scope);
        var draft = await SaveAsync(feelings, a, "a draft moment");
        var id = await SaveAsync(feelings, a, "a shared moment");
        await feelings.ShareAsync(a.Id, id);

        var byAuthor = await feelings.AcknowledgeAsync(a.Id, id, null);
        var onDraft = await feelings.AcknowledgeAsync(b.Id, draft, null);
        var first = await feelings.AcknowledgeAsync(b.Id, id, null);
        var second = await feelings.AcknowledgeAsync(b.Id, id, "again");

        Assert.Equal("We couldn't find that statement.", byAuthor.Error?.Message);
        Assert.Equal("We couldn't find that statement.", onDraft.Error?.Message);
        Assert.True(first.Succeeded);
        Assert.Equal("You've already let your partner know you hear this.", second.Error?.Message);
        Assert.Null((await feelings.GetAsync(a.Id, id))!.Reply);
    }

    [Fact]
    public async Task EitherPartnerCanMarkTalkedAboutWithWhoAndWhen()
    {
        var (a, b) = await app.CreateCoupleAsync("Cleo", "Dev");
        var clock = new FakeTimeProvider(Start);
        await using var scope = app.Services.CreateAsyncScope();
        var feelings = Service(scope, clock);
        var byAuthor = await SaveAsync(feelings, a, "first moment");
        var byPartner = await SaveAsync(feelings, a, "second moment");
        await feelings.ShareAsync(a.Id, byAuthor);
        await feelings.ShareAsync(a.Id, byPartner);
        clock.Advance(TimeSpan.FromDays(1));

        await feelings.MarkTalkedAboutAsync(a.Id, byAuthor);
        await feelings.MarkTalkedAboutAsync(b.Id, byPartner);
        var again = await feelings.MarkTalkedAboutAsync(b.Id, byAuthor);
        var first = await feelings.GetAsync(b.Id, byAuthor);
        var second = await feelings.GetAsync(a.Id, byPartner);

        Assert.Equal((a.Id, "Cleo", Start.UtcDateTime.AddDays(1)), (first!.TalkedAboutById, first.TalkedAboutByName, first.TalkedAboutAt!.Value));
        Assert.Equal((b.Id, "Dev", Start.UtcDateTime.AddDays(1)), (second!.TalkedAboutById, second.TalkedAboutByName, second.TalkedAboutAt!.Value));
        Assert.Equal("This is already marked as talked about.", again.Error?.Message);
    }

    [Fact]
    public async Task DraftCannotBeMarkedTalkedAbout()
    {
        var (a, b) = await app.CreateCoupleAsync();
        await using var scope = app.Services.CreateAsyncScope();
        var feelings = Service(scope);
        var id = await SaveAsync(feelings, a, "quiet moment");

        var byAuthor = await feelings.MarkTalkedAboutAsync(a.Id, id);
        var byPartner = await feelings.MarkTalkedAboutAsync(b.Id, id);

        Assert.False(byAuthor.Succeeded);
        Assert.Equal("We couldn't find that statement.", byPartner.Error?.Message);
    }

    [Fact]
    public async Task AnotherCouplesMemberFindsNothingAndChangesNothing()
    {
        var (a, _) = await app.CreateCoupleAsync();
        var (outsider, _) = await app.CreateCoupleAsync();
        await using var scope = app.Services.CreateAsyncScope();
        var feelings = Service(scope);
        var draft = await SaveAsync(feelings, a, "private moment");
        var shared = await SaveAsync(feelings, a, "shared moment");
        await feelings.ShareAsync(a.Id, shared);

        var results = new[]
        {
            await feelings.ShareAsync(outsider.Id, draft),
            await feelings.ReviseDraftAsync(outsider.Id, draft, new FeelingWords("sad", "changed", null)),
            await feelings.DeleteDraftAsync(outsider.Id, draft),
            await feelings.WithdrawAsync(outsider.Id, shared),
            await feelings.AcknowledgeAsync(outsider.Id, shared, "hi"),
            await feelings.MarkTalkedAboutAsync(outsider.Id, shared),
        };

        Assert.All(results, r => Assert.Equal("We couldn't find that statement.", r.Error?.Message));
        Assert.Null(await feelings.GetAsync(outsider.Id, draft));
        Assert.Null(await feelings.GetAsync(outsider.Id, shared));
        Assert.Null(await feelings.GetDraftAsync(outsider.Id, draft));
        Assert.Empty((await feelings.ListAsync(outsider.Id, FeelingList.SharedWithMe, 1)).Items);
        Assert.Equal(FeelingState.Shared, (await feelings.GetAsync(a.Id, shared))!.State);
        Assert.Equal(FeelingState.Draft, (await feelings.GetAsync(a.Id, draft))!.State);
    }

    [Fact]
    public async Task ClosedCoupleIsReadOnlyAndTheAuthorKeepsWhatTheyWrote()
    {
        var (a, b) = await app.CreateCoupleAsync();
        await using var scope = app.Services.CreateAsyncScope();
        var feelings = Service(scope);
        var draft = await SaveAsync(feelings, a, "a draft I keep");
        var shared = await SaveAsync(feelings, a, "a moment I shared");
        await feelings.ShareAsync(a.Id, shared);
        await scope.ServiceProvider.GetRequiredService<CoupleService>().LeaveAsync(b.Id);

        var share = await feelings.ShareAsync(a.Id, draft);
        var talked = await feelings.MarkTalkedAboutAsync(a.Id, shared);
        var save = await feelings.SaveDraftAsync(a.Id, new FeelingWords("sad", "something new", null));

        Assert.Equal("This couple has ended, so its statements can be read but no longer changed.", share.Error?.Message);
        Assert.False(talked.Succeeded);
        Assert.False(save.Succeeded);
        Assert.False((await feelings.GetAsync(a.Id, shared))!.CoupleActive);
        Assert.Equal(2, (await feelings.ListAsync(a.Id, FeelingList.Drafts, 1)).Counts.Drafts + (await feelings.ListAsync(a.Id, FeelingList.SharedByMe, 1)).Counts.SharedByMe);
        Assert.Null(await feelings.GetAsync(b.Id, shared));
        Assert.Empty((await feelings.ListAsync(b.Id, FeelingList.SharedWithMe, 1)).Items);
    }

    [Theory]
    [InlineData("", "the moment", null, "Feeling")]
    [InlineData("sad!!", "the moment", null, "Feeling")]
    [InlineData("sad", "   ", null, "Situation")]
    [InlineData("sad", "501", null, "Situation")]
    [InlineData("sad", "the moment", "501", "Need")]
    public async Task InvalidWordsAreRefusedWithTheirField(string feeling, string situation, string? need, string field)
    {
        var (a, _) = await app.CreateCoupleAsync();
        await using var scope = app.Services.CreateAsyncScope();
        var feelings = Service(scope);

        var result = await feelings.SaveDraftAsync(a.Id, new FeelingWords(feeling, Expand(situation), need is null ? null : Expand(need)));

        Assert.Equal(field, result.Error?.Field);
    }

    [Fact]
    public async Task ReplyLongerThanAThousandCharactersIsRefused()
    {
        var (a, b) = await app.CreateCoupleAsync();
        await using var scope = app.Services.CreateAsyncScope();
        var feelings = Service(scope);
        var id = await SaveAsync(feelings, a, "a moment");
        await feelings.ShareAsync(a.Id, id);

        var result = await feelings.AcknowledgeAsync(b.Id, id, new string('x', 1001));

        Assert.Equal("Reply", result.Error?.Field);
        Assert.Equal(FeelingState.Shared, (await feelings.GetAsync(a.Id, id))!.State);
    }

    [Fact]
    public async Task StatementTextIsNeverLogged()
    {
        var (a, b) = await app.CreateCoupleAsync();
        var canary = $"canary{Guid.NewGuid():N}";
        var logger = new RecordingLogger();
        await using var scope = app.Services.CreateAsyncScope();
        var feelings = ActivatorUtilities.CreateInstance<FeelingService>(scope.ServiceProvider, logger);

        var id = (await feelings.SaveDraftAsync(a.Id, new FeelingWords("sad", canary, canary))).Value;
        await feelings.ReviseDraftAsync(a.Id, id, new FeelingWords("lonely", canary, canary));
        await feelings.ShareAsync(a.Id, id);
        await feelings.AcknowledgeAsync(b.Id, id, canary);
        await feelings.MarkTalkedAboutAsync(b.Id, id);

        Assert.True(logger.Messages.Count >= 5);
        Assert.DoesNotContain(logger.Messages, m => m.Contains(canary, StringComparison.Ordinal));
    }

    [Fact]
    public void SentenceReadsAsOneStatement()
    {
        var words = new FeelingWords("disconnected", "When I don't know what's going on in your day", "I'd like us to share our plans in the morning");

        Assert.Equal("I feel disconnected when I don't know what's going on in your day. I'd like us to share our plans in the morning.", words.Sentence);
    }

    private static FeelingService Service(AsyncServiceScope scope, FakeTimeProvider? clock = null) =>
        ActivatorUtilities.CreateInstance<FeelingService>(scope.ServiceProvider, clock ?? new FakeTimeProvider(Start) { AutoAdvanceAmount = TimeSpan.FromSeconds(1) });

    private static async Task<int> SaveAsync(FeelingService feelings, TestUser author, string situation)
    {
        var result = await feelings.SaveDraftAsync(author.Id, new FeelingWords("left out", situation, null));
        return result.Value;
    }

    // "501" in the table stands for a text one character over the 500 limit.
    private static string Expand(string value) => value == "501" ? new string('a', 501) : value;

    private sealed class RecordingLogger : ILogger<FeelingService>
    {
        public List<string> Messages { get; } = [];

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Messages.Add(formatter(state, exception));
    }
}
