using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using TrustCheckIn.CheckIns;
using TrustCheckIn.Common;
using TrustCheckIn.Couples;
using TrustCheckIn.Data;
using TrustCheckIn.Tests.Infrastructure;

namespace TrustCheckIn.Tests.CheckIns;

// Arrange helpers: services on their own clock, over the test app's real SQLite database.
public static class CheckInSeeding
{
    public static CheckInAnswers Answers(int trust = 4, int heard = 4, int connection = 4, int followThrough = 4, int safety = 4, string? wentWell = null, string? onMyMind = null, string? smallStep = null) =>
        new(new Ratings(trust, heard, connection, followThrough, safety), wentWell, onMyMind, smallStep);

    // With the trend service it hands the history page's couple to on the same clock.
    public static async Task<T> WithCheckInsAsync<T>(this TestApp app, FakeTimeProvider clock, Func<CheckInService, Task<T>> action)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var trends = ActivatorUtilities.CreateInstance<CheckInTrendService>(scope.ServiceProvider, clock);
        return await action(ActivatorUtilities.CreateInstance<CheckInService>(scope.ServiceProvider, clock, trends));
    }

    public static async Task<Result<WeekState>> SubmitThisWeekAsync(this TestApp app, FakeTimeProvider clock, TestUser user, CheckInAnswers answers) =>
        await app.WithCheckInsAsync(clock, async service =>
        {
            var week = await service.GetThisWeekAsync(user.Id) ?? throw new InvalidOperationException("No active couple in arrange.");
            return await service.SubmitAsync(user.Id, week.Week.Key, answers);
        });

    public static async Task<int> CoupleIdAsync(this TestApp app, TestUser user) =>
        (await app.WithServiceAsync<CoupleService.CoupleView?, CoupleService>(c => c.GetActiveAsync(user.Id)))!.Id;

    public static async Task ChangeTimeZoneAsync(this TestApp app, TestUser user, string timeZoneId) =>
        await app.WithServiceAsync<Result, CoupleService>(c => c.ChangeScheduleAsync(user.Id, new CheckInSchedule(timeZoneId, DayOfWeek.Sunday)));

    public static FakeTimeProvider ClockFromApp(this TestApp app) => new(app.Clock.GetUtcNow());
}
