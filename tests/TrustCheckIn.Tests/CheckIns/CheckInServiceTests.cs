using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using TrustCheckIn.CheckIns;
using TrustCheckIn.Common;
using TrustCheckIn.Couples;
using TrustCheckIn.Data;
using TrustCheckIn.Tests.Infrastructure;
using static TrustCheckIn.Tests.CheckIns.CheckInSeeding;

namespace TrustCheckIn.Tests.CheckIns;

public sealed class CheckInServiceTests(TestApp app) : IClassFixture<TestApp>
{
    [Fact]
    public async Task ACheckInJustBeforeLocalMidnightBelongsToTheWeekEndingThen()
    {
        var (a, b) = await app.CreateCoupleAsync();
        await app.ChangeTimeZoneAsync(a, "Europe/Berlin");
        var clock = new FakeTimeProvider(new DateTimeOffset(2030, 11, 24, 22, 59, 0, TimeSpan.Zero));

        await app.SubmitThisWeekAsync(clock, a, Answers(trust: 2));
        clock.Advance(TimeSpan.FromMinutes(1));
        await app.SubmitThisWeekAsync(clock, b, Answers(trust: 5));
        var weeks = await app.WithDbAsync(db => db.CheckIns.Where(c => c.AuthorId == a.Id || c.AuthorId == b.Id)
            .OrderBy(c => c.Trust).Select(c => c.WeekKey).ToListAsync());

        Assert.Equal([203047, 203048], weeks);
    }

    [Fact]
    public async Task ASecondSubmitEditsTheFirst()
    {
        var (a, _) = await app.CreateCoupleAsync();
        var clock = app.ClockFromApp();

        await app.SubmitThisWeekAsync(clock, a, Answers(trust: 2, wentWell: "first thoughts"));
        var second = await app.SubmitThisWeekAsync(clock, a, Answers(trust: 3, wentWell: "second thoughts"));
        var rows = await app.WithDbAsync(db => db.CheckIns.Where(c => c.AuthorId == a.Id).ToListAsync());

        Assert.Equal(WeekState.WaitingForPartner, second.Value);
        var row = Assert.Single(rows);
        Assert.Equal(3, row.Trust);
        Assert.Equal("second thoughts", row.WentWell);
    }

    [Fact]
    public async Task TwoRacingSubmitsLeaveOneRow()
    {
        var (a, _) = await app.CreateCoupleAsync();
        var clock = app.ClockFromApp();

        var results = await Task.WhenAll(Enumerable.Range(1, 4).Select(i => app.SubmitThisWeekAsync(clock, a, Answers(trust: i))));
        var rows = await app.WithDbAsync(db => db.CheckIns.CountAsync(c => c.AuthorId == a.Id));

        Assert.All(results, r => Assert.True(r.Succeeded));
        Assert.Equal(1, rows);
    }

    [Fact]
    public async Task TheDatabaseRefusesASecondRowForTheSamePartnerAndWeek()
    {
        var (a, _) = await app.CreateCoupleAsync();
        await app.SubmitThisWeekAsync(app.ClockFromApp(), a, Answers());

        var error = await Assert.ThrowsAnyAsync<DbException>(() => app.WithDbAsync(db => db.Database.ExecuteSqlRawAsync(
            """
            INSERT INTO "CheckIns" ("CoupleId", "AuthorId", "WeekKey", "WeekStart", "MonthKey", "Trust", "FeelingHeard", "Connection", "FollowThrough", "EmotionalSafety", "SubmittedAt", "UpdatedAt")
            SELECT "CoupleId", "AuthorId", "WeekKey", "WeekStart", "MonthKey", 1, 1, 1, 1, 1, "SubmittedAt", "UpdatedAt" FROM "CheckIns" WHERE "AuthorId" = {0}
            """,
            a.Id)));

        Assert.True(DatabaseErrors.IsUniqueViolation(new DbUpdateException("The save failed.", error)), error.Message);
    }

    [Fact]
    public async Task OutOfRangeRatingsAndLongTextsAreRefused()
    {
        var (a, _) = await app.CreateCoupleAsync();
        var clock = app.ClockFromApp();

        var rating = await app.SubmitThisWeekAsync(clock, a, Answers(connection: 6));
        var text = await app.SubmitThisWeekAsync(clock, a, Answers(onMyMind: new string('x', 2001)));
        var rows = await app.WithDbAsync(db => db.CheckIns.CountAsync(c => c.AuthorId == a.Id));

        Assert.Equal("Connection", rating.Error?.Field);
        Assert.Equal("OnMyMind", text.Error?.Field);
        Assert.Equal(0, rows);
    }

    [Fact]
    public async Task AnswersStayHiddenFromEachPartnerUntilBothHaveCheckedIn()
    {
        var (a, b) = await app.CreateCoupleAsync();
        var clock = app.ClockFromApp();
        var coupleId = await app.CoupleIdAsync(a);

        await app.SubmitThisWeekAsync(clock, a, Answers(trust: 2, onMyMind: "a private worry"));
        var week = (await app.WithCheckInsAsync(clock, s => s.GetThisWeekAsync(a.Id)))!.Week;
        var bBefore = await app.WithCheckInsAsync(clock, s => s.GetWeekAsync(b.Id, coupleId, week));
        var aBefore = await app.WithCheckInsAsync(clock, s => s.GetWeekAsync(a.Id, coupleId, week));
        var bThisWeek = await app.WithCheckInsAsync(clock, s => s.GetThisWeekAsync(b.Id));
        await app.SubmitThisWeekAsync(clock, b, Answers(trust: 4, onMyMind: "b's thoughts"));
        var bAfter = await app.WithCheckInsAsync(clock, s => s.GetWeekAsync(b.Id, coupleId, week));
        var aAfter = await app.WithCheckInsAsync(clock, s => s.GetWeekAsync(a.Id, coupleId, week));

        Assert.True(bBefore!.PartnerCheckedIn);
        Assert.Null(bBefore.Partner);
        Assert.Equal(WeekState.PartnerCheckedIn, bThisWeek!.State);
        Assert.False(aBefore!.PartnerCheckedIn);
        Assert.Null(aBefore.Partner);
        Assert.Equal("a private worry", bAfter!.Partner?.OnMyMind);
        Assert.Equal(2, bAfter.Partner?.Ratings.Trust);
        Assert.Equal("b's thoughts", aAfter!.Partner?.OnMyMind);
    }

    [Fact]
    public async Task AnswersAreRevealedOnceTheWeekIsOver()
    {
        var (a, b) = await app.CreateCoupleAsync();
        var clock = app.ClockFromApp();
        var coupleId = await app.CoupleIdAsync(a);
        await app.SubmitThisWeekAsync(clock, a, Answers(wentWell: "a lovely walk"));
        var week = (await app.WithCheckInsAsync(clock, s => s.GetThisWeekAsync(a.Id)))!.Week;

        clock.Advance(TimeSpan.FromDays(7));
        var bView = await app.WithCheckInsAsync(clock, s => s.GetWeekAsync(b.Id, coupleId, week));
        var reply = await app.WithCheckInsAsync(clock, s => s.ReplyAsync(b.Id, bView!.Partner!.CheckInId, "Thank you"));
        var aView = await app.WithCheckInsAsync(clock, s => s.GetWeekAsync(a.Id, coupleId, week));

        Assert.True(bView!.IsOver);
        Assert.Equal("a lovely walk", bView.Partner?.WentWell);
        Assert.True(reply.Succeeded);
        Assert.Equal("Thank you", aView!.PartnerReplyToMine);
    }

    [Fact]
    public async Task AReplyToAnAnswerNotYetRevealedIsNotFound()
    {
        var (a, b) = await app.CreateCoupleAsync();
        var clock = app.ClockFromApp();
        await app.SubmitThisWeekAsync(clock, a, Answers());
        var aCheckInId = await app.WithDbAsync(db => db.CheckIns.Where(c => c.AuthorId == a.Id).Select(c => c.Id).SingleAsync());

        var reply = await app.WithCheckInsAsync(clock, s => s.ReplyAsync(b.Id, aCheckInId, "Thank you"));

        Assert.Equal(ServiceError.NotFound("check-in"), reply.Error);
    }

    [Fact]
    public async Task TheWeekIsSealedOnceBothHaveCheckedIn()
    {
        var (a, b) = await app.CreateCoupleAsync();
        var clock = app.ClockFromApp();
        await app.SubmitThisWeekAsync(clock, a, Answers(trust: 3));

        var second = await app.SubmitThisWeekAsync(clock, b, Answers(trust: 5));
        var editByA = await app.SubmitThisWeekAsync(clock, a, Answers(trust: 1));
        var editByB = await app.SubmitThisWeekAsync(clock, b, Answers(trust: 1));
        var rows = await app.WithDbAsync(db => db.CheckIns.Where(c => c.AuthorId == a.Id || c.AuthorId == b.Id).ToListAsync());

        Assert.Equal(WeekState.BothCheckedIn, second.Value);
        Assert.Contains("settled", editByA.Error?.Message, StringComparison.Ordinal);
        Assert.Contains("settled", editByB.Error?.Message, StringComparison.Ordinal);
        Assert.All(rows, r => Assert.NotNull(r.SealedAt));
        Assert.Equal([3, 5], rows.Select(r => r.Trust).Order());
    }

    [Fact]
    public async Task ASubmitForAWeekThatHasEndedIsRefusedAndNothingIsSaved()
    {
        var (a, _) = await app.CreateCoupleAsync();
        var clock = app.ClockFromApp();
        var lastWeek = (await app.WithCheckInsAsync(clock, s => s.GetThisWeekAsync(a.Id)))!.Week;

        clock.Advance(TimeSpan.FromDays(7));
        var result = await app.WithCheckInsAsync(clock, s => s.SubmitAsync(a.Id, lastWeek.Key, Answers()));

        Assert.Contains("A new week began", result.Error?.Message, StringComparison.Ordinal);
        Assert.Equal(0, await app.WithDbAsync(db => db.CheckIns.CountAsync(c => c.AuthorId == a.Id)));
    }

    [Fact]
    public async Task DimensionsTwoOrMoreApartAreMarked()
    {
        var (a, b) = await app.CreateCoupleAsync();
        var clock = app.ClockFromApp();
        var coupleId = await app.CoupleIdAsync(a);
        await app.SubmitThisWeekAsync(clock, a, Answers(trust: 5, heard: 3, connection: 4, followThrough: 2, safety: 1));
        await app.SubmitThisWeekAsync(clock, b, Answers(trust: 3, heard: 2, connection: 4, followThrough: 4, safety: 2));
        var week = (await app.WithCheckInsAsync(clock, s => s.GetThisWeekAsync(a.Id)))!.Week;

        var view = await app.WithCheckInsAsync(clock, s => s.GetWeekAsync(a.Id, coupleId, week));
        var history = await app.WithCheckInsAsync(clock, s => s.GetHistoryAsync(b.Id, null));

        Assert.Equal([CheckInDimension.Trust, CheckInDimension.FollowThrough], view!.Differences);
        Assert.Equal([CheckInDimension.Trust, CheckInDimension.FollowThrough], history!.Weeks[0].Differences);
    }

    [Fact]
    public async Task TrendAveragesMatchHandComputedValues()
    {
        var (a, b) = await app.CreateCoupleAsync();
        var coupleId = await app.CoupleIdAsync(a);
        // Monday 1 February 2027: four February weeks (Thursdays 4–25 Feb), then the week of Thursday 4 March.
        var clock = new FakeTimeProvider(new DateTimeOffset(2027, 2, 1, 12, 0, 0, TimeSpan.Zero));
        int?[] aTrust = [4, 3, 5, 2];
        int?[] bTrust = [2, null, 4, null];
        for (var week = 0; week < 4; week++)
        {
            await app.SubmitThisWeekAsync(clock, a, Answers(trust: aTrust[week]!.Value, heard: 5));
            if (bTrust[week] is { } trust)
            {
                await app.SubmitThisWeekAsync(clock, b, Answers(trust: trust, heard: 1));
            }

            clock.Advance(TimeSpan.FromDays(7));
        }

        await app.SubmitThisWeekAsync(clock, a, Answers(trust: 1));
        var months = (await app.WithCheckInsAsync(clock, s => s.GetHistoryAsync(a.Id, null, TrendPeriod.Months)))!.Trend;
        var weeks = (await app.WithCheckInsAsync(clock, s => s.GetHistoryAsync(a.Id, null, TrendPeriod.Weeks)))!.Trend;
        var bWeeks = (await app.WithCheckInsAsync(clock, s => s.GetHistoryAsync(b.Id, null, TrendPeriod.Weeks)))!.Trend;
        var forTherapist = await app.WithServiceAsync(clock, (CheckInTrendService s) => s.GetCoupleTrendAsync(coupleId, TrendPeriod.Months));

        var formedAt = await app.WithDbAsync(db => db.Couples.Where(c => c.Id == coupleId).Select(c => c.FormedAt).SingleAsync());
        var formedMonth = TimeZoneInfo.ConvertTimeFromUtc(formedAt, TimeZoneInfo.FindSystemTimeZoneById("Europe/London")) is var local ? (local.Year * 100) + local.Month : 0;

        var february = months!.Buckets.Single(m => m.Key == 202702);
        var march = months.Buckets.Single(m => m.Key == 202703);
        // From the month the couple formed, at most twelve.
        Assert.Equal(formedMonth, months.Buckets[0].Key);
        Assert.InRange(months.Buckets.Count, 2, 12);
        Assert.Equal(202703, months.Buckets[^1].Key);
        Assert.Equal(3.5, february.Mine!.Trust);
        Assert.Equal(5, february.Mine.FeelingHeard);
        Assert.Equal(3.0, february.Partner!.Trust);
        Assert.Equal(1.0, february.Partner.FeelingHeard);
        Assert.Equal(1.0, march.Mine!.Trust);
        Assert.Null(march.Partner);
        Assert.Equal([4.0, 3.0, 5.0, 2.0, 1.0], weeks!.Buckets.TakeLast(5).Select(w => w.Mine!.Trust));
        Assert.Equal([2.0, null, 4.0, null, null], weeks.Buckets.TakeLast(5).Select(w => w.Partner?.Trust));
        Assert.Equal("2027-W09", IsoWeek.FromKey(weeks.Buckets[^1].Key).ToString());
        Assert.Null(bWeeks!.Buckets[^1].Partner);
        Assert.Equal(2, forTherapist!.Points.Single(p => p.PartnerId == b.Id && p.BucketKey == 202702).CheckIns);
        Assert.Equal(3.5, forTherapist.Points.Single(p => p.PartnerId == a.Id && p.BucketKey == 202702).Averages.Trust);
        Assert.DoesNotContain(forTherapist.Points, p => p.BucketKey == 202703);
    }

    [Fact]
    public async Task RemindersCanAskWhetherAPartnerHasCheckedInThisWeek()
    {
        var (a, b) = await app.CreateCoupleAsync();
        var loner = await app.CreateUserAsync();
        var clock = app.ClockFromApp();

        await app.SubmitThisWeekAsync(clock, a, Answers());
        var aThisWeek = await app.WithCheckInsAsync(clock, s => s.HasCheckedInThisWeekAsync(a.Id));
        var bThisWeek = await app.WithCheckInsAsync(clock, s => s.HasCheckedInThisWeekAsync(b.Id));
        var lonerThisWeek = await app.WithCheckInsAsync(clock, s => s.HasCheckedInThisWeekAsync(loner.Id));
        clock.Advance(TimeSpan.FromDays(7));
        var aNextWeek = await app.WithCheckInsAsync(clock, s => s.HasCheckedInThisWeekAsync(a.Id));

        Assert.True(aThisWeek);
        Assert.False(bThisWeek);
        Assert.False(lonerThisWeek);
        Assert.False(aNextWeek);
    }

    [Fact]
    public async Task AClosedCoupleIsReadOnlyAndEachFormerPartnerReadsOnlyWhatTheyWrote()
    {
        var (a, b) = await app.CreateCoupleAsync();
        var clock = app.ClockFromApp();
        var coupleId = await app.CoupleIdAsync(a);
        await app.SubmitThisWeekAsync(clock, a, Answers(wentWell: "what a wrote"));
        await app.SubmitThisWeekAsync(clock, b, Answers(wentWell: "what b wrote"));
        var week = (await app.WithCheckInsAsync(clock, s => s.GetThisWeekAsync(a.Id)))!.Week;
        var bCheckInId = await app.WithDbAsync(db => db.CheckIns.Where(c => c.AuthorId == b.Id).Select(c => c.Id).SingleAsync());

        await app.WithServiceAsync<Result, CoupleService>(c => c.LeaveAsync(a.Id));
        var submit = await app.WithCheckInsAsync(clock, s => s.SubmitAsync(a.Id, week.Key, Answers()));
        var reply = await app.WithCheckInsAsync(clock, s => s.ReplyAsync(a.Id, bCheckInId, "Thank you"));
        var aEarlier = await app.WithCheckInsAsync(clock, s => s.ListEarlierAsync(a.Id, null));
        var bEarlier = await app.WithCheckInsAsync(clock, s => s.ListEarlierAsync(b.Id, null));
        var aWeek = await app.WithCheckInsAsync(clock, s => s.GetWeekAsync(a.Id, coupleId, week));
        var aThisWeek = await app.WithCheckInsAsync(clock, s => s.GetThisWeekAsync(a.Id));

        Assert.Equal(ServiceError.NotFound("couple"), submit.Error);
        Assert.Equal(ServiceError.NotFound("check-in"), reply.Error);
        Assert.Equal("what a wrote", Assert.Single(aEarlier.Entries).Answers.WentWell);
        Assert.Equal("what b wrote", Assert.Single(bEarlier.Entries).Answers.WentWell);
        Assert.Equal("what a wrote", aWeek!.Mine?.WentWell);
        Assert.Null(aWeek.Partner);
        Assert.False(aWeek.PartnerCheckedIn);
        Assert.False(aWeek.CoupleIsActive);
        Assert.Null(aThisWeek);
    }

    [Fact]
    public async Task AnotherCouplesWeekIsNotFound()
    {
        var (a, _) = await app.CreateCoupleAsync();
        var (outsider, _) = await app.CreateCoupleAsync();
        var clock = app.ClockFromApp();
        await app.SubmitThisWeekAsync(clock, a, Answers());
        var coupleId = await app.CoupleIdAsync(a);
        var week = (await app.WithCheckInsAsync(clock, s => s.GetThisWeekAsync(a.Id)))!.Week;

        var view = await app.WithCheckInsAsync(clock, s => s.GetWeekAsync(outsider.Id, coupleId, week));
        var beforeTheCouple = await app.WithCheckInsAsync(clock, s => s.GetWeekAsync(a.Id, coupleId, week.AddWeeks(-3)));
        var future = await app.WithCheckInsAsync(clock, s => s.GetWeekAsync(a.Id, coupleId, week.Next));

        Assert.Null(view);
        Assert.Null(beforeTheCouple);
        Assert.Null(future);
    }
}
