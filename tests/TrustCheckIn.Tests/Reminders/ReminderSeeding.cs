using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using TrustCheckIn.Common;
using TrustCheckIn.Email;
using TrustCheckIn.Expectations;
using TrustCheckIn.Reminders;
using TrustCheckIn.Tests.CheckIns;
using TrustCheckIn.Tests.Infrastructure;

namespace TrustCheckIn.Tests.Reminders;

public static class ReminderSeeding
{
    public const string CheckInSubject = "Your weekly check-in";
    public const string ReviewSubject = "A good time to look over your expectations";

    // A UTC instant on the test's own clock.
    public static FakeTimeProvider ClockAt(int year, int month, int day, int hour, int minute = 0, int second = 0) =>
        new(new DateTimeOffset(year, month, day, hour, minute, second, TimeSpan.Zero));

    public static void MoveTo(this FakeTimeProvider clock, int year, int month, int day, int hour, int minute = 0) =>
        clock.SetUtcNow(new DateTimeOffset(year, month, day, hour, minute, 0, TimeSpan.Zero));

    // A fresh dispatcher each time, as after a restart; same database.
    public static async Task RunRemindersAsync(this TestApp app, FakeTimeProvider clock, IEmailSender sender, CancellationToken ct = default)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await ActivatorUtilities.CreateInstance<ReminderDispatcher>(scope.ServiceProvider, clock, sender).RunOnceAsync(ct);
    }

    public static async Task SaveRemindersAsync(this TestApp app, TestUser user, bool checkIn = true, DayOfWeek day = DayOfWeek.Sunday, int hour = 18, int minute = 0, bool review = true)
    {
        var result = await app.WithServiceAsync<Result, ReminderService>(r => r.SaveAsync(user.Id, new ReminderSettings(checkIn, day, new TimeOnly(hour, minute), review)));
        Assert.True(result.Succeeded, "Saving reminders failed in arrange.");
    }

    public static Task<T> WithExpectationsAsync<T>(this TestApp app, FakeTimeProvider clock, Func<ExpectationService, Task<T>> action) =>
        app.WithServiceAsync(clock, action);

    public static Task<Result<int>> AddExpectationAsync(this TestApp app, FakeTimeProvider clock, TestUser user, string need = "reassurance") =>
        app.WithExpectationsAsync(clock, e => e.AddAsync(user.Id, new ExpectationContent(need, "say good morning", ExpectationFrequency.Daily, null)));

    public static Task<List<ReminderDelivery>> DeliveriesAsync(this TestApp app, TestUser user) =>
        app.WithDbAsync(db => db.ReminderDeliveries.AsNoTracking().Where(d => d.UserId == user.Id).OrderBy(d => d.Id).ToListAsync());
}
