using Microsoft.Extensions.Time.Testing;
using TrustCheckIn.CheckIns;

namespace TrustCheckIn.Tests.CheckIns;

public sealed class IsoWeekTests
{
    [Fact]
    public void SundayNightInLondonIsAlreadyMondayInBerlin()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 22, 23, 30, 0, TimeSpan.Zero));

        var london = IsoWeek.Current(clock, TimeZoneInfo.FindSystemTimeZoneById("Europe/London"));
        var berlin = IsoWeek.Current(clock, TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin"));

        Assert.Equal(202647, london.Key);
        Assert.Equal(202648, berlin.Key);
    }

    [Fact]
    public void TheWeekTurnsAtLocalMidnightInEachTimeZone()
    {
        var newYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");
        var tokyo = TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo");
        // Sunday 22 November 2026, 23:59:59 in New York (UTC-5) and then one second later.
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 4, 59, 59, TimeSpan.Zero));

        var beforeInNewYork = IsoWeek.Current(clock, newYork);
        clock.Advance(TimeSpan.FromSeconds(1));
        var afterInNewYork = IsoWeek.Current(clock, newYork);
        // The same Sunday, 23:59:59 in Tokyo (UTC+9), is mid-afternoon in London.
        var tokyoClock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 22, 14, 59, 59, TimeSpan.Zero));
        var beforeInTokyo = IsoWeek.Current(tokyoClock, tokyo);
        tokyoClock.Advance(TimeSpan.FromSeconds(1));
        var afterInTokyo = IsoWeek.Current(tokyoClock, tokyo);

        Assert.Equal("2026-W47", beforeInNewYork.ToString());
        Assert.Equal("2026-W48", afterInNewYork.ToString());
        Assert.Equal("2026-W47", beforeInTokyo.ToString());
        Assert.Equal("2026-W48", afterInTokyo.ToString());
    }

    [Fact]
    public void Week53IsFollowedByWeek1OfTheNextYear()
    {
        var utc = TimeZoneInfo.Utc;
        var clock = new FakeTimeProvider(new DateTimeOffset(2027, 1, 3, 23, 59, 59, TimeSpan.Zero));

        var lastOf2026 = IsoWeek.Current(clock, utc);
        clock.Advance(TimeSpan.FromSeconds(1));
        var firstOf2027 = IsoWeek.Current(clock, utc);

        Assert.Equal(202653, lastOf2026.Key);
        Assert.Equal(new DateOnly(2026, 12, 28), lastOf2026.Start);
        Assert.Equal(202701, firstOf2027.Key);
        Assert.Equal(new DateOnly(2027, 1, 4), firstOf2027.Start);
        Assert.Equal(firstOf2027, lastOf2026.Next);
        Assert.Equal(lastOf2026, firstOf2027.Previous);
        Assert.True(lastOf2026 < firstOf2027);
    }

    [Fact]
    public void TheWeekTurnsAtLocalMidnightWhenTheClocksGoForward()
    {
        var london = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");
        // 29 March 2026 the clocks went forward: local midnight on Monday is 23:00 UTC on Sunday.
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 3, 29, 22, 59, 59, TimeSpan.Zero));

        var sundayNight = IsoWeek.Current(clock, london);
        clock.Advance(TimeSpan.FromSeconds(1));
        var mondayMorning = IsoWeek.Current(clock, london);

        Assert.Equal(202613, sundayNight.Key);
        Assert.Equal(202614, mondayMorning.Key);
    }

    [Fact]
    public void TheWeekTurnsAtLocalMidnightWhenTheClocksGoBack()
    {
        var london = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");
        // 25 October 2026 the clocks went back: that Sunday has 25 hours and ends at midnight UTC.
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 10, 25, 23, 59, 59, TimeSpan.Zero));

        var sundayNight = IsoWeek.Current(clock, london);
        clock.Advance(TimeSpan.FromSeconds(1));
        var mondayMorning = IsoWeek.Current(clock, london);

        Assert.Equal(202643, sundayNight.Key);
        Assert.Equal(202644, mondayMorning.Key);
    }

    [Theory]
    [InlineData("2026-W47", true)]
    [InlineData("2026-W53", true)]
    [InlineData("2027-W53", false)]
    [InlineData("2026-W00", false)]
    [InlineData("2026W47", false)]
    [InlineData("../etc", false)]
    public void OnlyRealWeeksParse(string text, bool parses)
    {
        var parsed = IsoWeek.TryParse(text, out var week);

        Assert.Equal(parses, parsed);
        if (parses)
        {
            Assert.Equal(text, week.ToString());
        }
    }

    [Fact]
    public void AWeekBelongsToTheMonthOfItsThursday()
    {
        var week = IsoWeek.FromKey(202605);

        Assert.Equal(new DateOnly(2026, 1, 26), week.Start);
        Assert.Equal(202601, week.MonthKey);
        Assert.Equal(202602, week.Next.MonthKey);
    }
}
