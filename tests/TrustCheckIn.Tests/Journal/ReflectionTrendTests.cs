using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using TrustCheckIn.Journal;
using TrustCheckIn.Tests.Infrastructure;

namespace TrustCheckIn.Tests.Journal;

public sealed class ReflectionTrendTests(TestApp app) : IClassFixture<TestApp>
{
    private static PatternRatings Rated(int reassurance = 0, int overthinking = 0, int jealousy = 0, int pullingAway = 0) =>
        new(reassurance, 0, 0, 0, 0, overthinking, 0, jealousy, pullingAway);

    [Fact]
    public async Task TheTrendAveragesTheLastTwelveMonthsOfTheAuthorOnly()
    {
        var author = await app.CreateUserAsync();
        var someoneElse = await app.CreateUserAsync();
        var clock = new FakeTimeProvider(new DateTimeOffset(2025, 1, 20, 9, 0, 0, TimeSpan.Zero));
        await using var scope = app.Services.CreateAsyncScope();
        var reflections = ActivatorUtilities.CreateInstance<ReflectionService>(scope.ServiceProvider, clock);

        await reflections.SaveThisMonthAsync(author.Id, new(JournalSeed.Ratings(4), null, false));
        clock.SetUtcNow(new DateTimeOffset(2025, 6, 3, 9, 0, 0, TimeSpan.Zero));
        await reflections.SaveThisMonthAsync(author.Id, new(Rated(reassurance: 4, overthinking: 3), null, false));
        clock.SetUtcNow(new DateTimeOffset(2025, 11, 30, 23, 59, 0, TimeSpan.Zero));
        await reflections.SaveThisMonthAsync(author.Id, new(Rated(reassurance: 2, overthinking: 1, jealousy: 4), null, false));
        await reflections.SaveThisMonthAsync(someoneElse.Id, new(JournalSeed.Ratings(4), null, false));
        clock.SetUtcNow(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
        await reflections.SaveThisMonthAsync(author.Id, new(Rated(reassurance: 3, pullingAway: 4), null, false));
        clock.SetUtcNow(new DateTimeOffset(2026, 1, 31, 12, 0, 0, TimeSpan.Zero));
        await reflections.SaveThisMonthAsync(author.Id, new(Rated(reassurance: 1, overthinking: 1, pullingAway: 2), "changed my mind", false));

        var trend = await reflections.GetTrendAsync(author.Id);

        // Window Feb 2025 to Jan 2026: January 2025 falls out; January 2026 counts once, as last saved.
        Assert.Equal(new DateOnly(2025, 2, 1), trend.Months[0]);
        Assert.Equal(new DateOnly(2026, 1, 1), trend.Months[^1]);
        Assert.Equal(12, trend.Months.Count);
        Assert.Equal([new DateOnly(2025, 6, 1), new DateOnly(2025, 11, 1), new DateOnly(2026, 1, 1)], trend.Reflected.Select(r => r.Month));
        var averages = trend.Averages!;
        Assert.Equal(3, averages.Months);
        Assert.Equal(7.0 / 3, averages.CheckingForReassurance, 6);
        Assert.Equal(5.0 / 3, averages.Overthinking, 6);
        Assert.Equal(4.0 / 3, averages.Jealousy, 6);
        Assert.Equal(2.0 / 3, averages.PullingAway, 6);
        Assert.Equal(0, averages.AvoidingVulnerability, 6);
        Assert.Equal(1, trend.For(new DateOnly(2026, 1, 1))!.Ratings.CheckingForReassurance);
    }

    [Fact]
    public async Task ASecondSaveInTheSameMonthChangesTheOneReflection()
    {
        var author = await app.CreateUserAsync();
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 3, 2, 8, 0, 0, TimeSpan.Zero));
        await using var scope = app.Services.CreateAsyncScope();
        var reflections = ActivatorUtilities.CreateInstance<ReflectionService>(scope.ServiceProvider, clock);

        var first = await reflections.SaveThisMonthAsync(author.Id, new(JournalSeed.Ratings(1), "first", true));
        clock.Advance(TimeSpan.FromDays(20));
        var second = await reflections.SaveThisMonthAsync(author.Id, new(JournalSeed.Ratings(2), "second", false));
        var trend = await reflections.GetTrendAsync(author.Id);

        Assert.Equal(first.Value, second.Value);
        var only = Assert.Single(trend.Reflected);
        Assert.Equal(JournalSeed.Ratings(2), only.Ratings);
        Assert.Equal("second", (await reflections.GetAsync(author.Id, first.Value))!.Note);
    }

    [Fact]
    public async Task NoReflectionsMeansNoAverages()
    {
        var author = await app.CreateUserAsync();

        var trend = await app.WithServiceAsync<ReflectionService.Trend, ReflectionService>(r => r.GetTrendAsync(author.Id));

        Assert.Empty(trend.Reflected);
        Assert.Null(trend.Averages);
        Assert.Equal(ReflectionService.TrendMonths, trend.Months.Count);
    }

    [Theory]
    [InlineData(0.0, "never")]
    [InlineData(2.0, "sometimes")]
    [InlineData(2.2, "sometimes")]
    [InlineData(7.0 / 3, "between sometimes and often")]
    [InlineData(2.0 / 3, "between never and rarely")]
    [InlineData(3.8, "very often")]
    public void AveragesAreDescribedInWords(double average, string words)
    {
        var described = TrustPatterns.DescribeAverage(average);

        Assert.Equal(words, described);
    }
}
