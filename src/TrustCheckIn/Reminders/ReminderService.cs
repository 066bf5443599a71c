using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using TrustCheckIn.CheckIns;
using TrustCheckIn.Common;
using TrustCheckIn.Couples;
using TrustCheckIn.Data;

namespace TrustCheckIn.Reminders;

public sealed class ReminderService(AppDbContext db, TimeProvider time, UnsubscribeTokens unsubscribeTokens, ILogger<ReminderService> logger)
{
    public sealed record SettingsView(ReminderSettings Settings, bool DayFollowsCouple, DayOfWeek CoupleCheckInDay, string TimeZoneId, NextReminderView Next);

    // Next is null when the weekly reminder is off.
    public sealed record NextReminderView(DateTime? LocalTime, string TimeZoneId);

    public sealed record UnsubscribeView(ReminderKind Kind, bool IsOn);

    // A partner's weekly reminder as stored; nulls where they never chose (no row).
    internal sealed record StoredCheckInChoice(bool? Enabled, DayOfWeek? Day, TimeOnly? Time);

    private sealed record CoupleInfo(int Id, string TimeZoneId, DayOfWeek CheckInDay);

    private DateTime Now => time.GetUtcNow().UtcDateTime;

    // Null without an active couple: reminders are about the couple's week.
    public async Task<SettingsView?> GetSettingsAsync(string userId, CancellationToken ct = default)
    {
        var couple = await CoupleOfAsync(userId, ct);
        return couple is null ? null : await SettingsOfAsync(userId, couple, null, ct);
    }

    // For a couple the service layer has already found as the person's active one (the home page, which
    // also knows whether they checked in this week).
    // The stored choices were read with the couple (one statement less), so this asks the database nothing.
    internal async Task<NextReminderView> NextOfAsync(string userId, int coupleId, string timeZoneId, DayOfWeek checkInDay, StoredCheckInChoice stored, bool checkedInThisWeek, CancellationToken ct)
    {
        var settings = new ReminderSettings(stored.Enabled ?? true, stored.Day ?? checkInDay, stored.Time ?? ReminderPreference.DefaultTime, true);
        return await NextAsync(userId, new CoupleInfo(coupleId, timeZoneId, checkInDay), settings, checkedInThisWeek, ct);
    }

    private async Task<SettingsView> SettingsOfAsync(string userId, CoupleInfo couple, bool? checkedInThisWeek, CancellationToken ct)
    {
        var preference = await db.ReminderPreferences.AsNoTracking().SingleOrDefaultAsync(p => p.UserId == userId, ct);
        var settings = new ReminderSettings(
            preference?.CheckInEnabled ?? true,
            preference?.CheckInDay ?? couple.CheckInDay,
            preference?.CheckInTime ?? ReminderPreference.DefaultTime,
            preference?.ReviewEnabled ?? true);
        return new SettingsView(settings, preference?.CheckInDay is null, couple.CheckInDay, couple.TimeZoneId, await NextAsync(userId, couple, settings, checkedInThisWeek, ct));
    }

    public async Task<NextReminderView?> GetNextReminderAsync(string userId, CancellationToken ct = default) =>
        await GetSettingsAsync(userId, ct) is { } view ? view.Next : null;

    public async Task<Result> SaveAsync(string userId, ReminderSettings settings)
    {
        if (!Enum.IsDefined(settings.CheckInDay))
        {
            return ServiceError.Invalid(nameof(ReminderSettings.CheckInDay), "Please choose a day of the week.");
        }

        if (await CoupleOfAsync(userId, default) is null)
        {
            return ServiceError.NotFound("couple");
        }

        settings = settings with { CheckInTime = new TimeOnly(settings.CheckInTime.Hour, settings.CheckInTime.Minute) };
        await ChangeAsync(userId, p => p.Change(settings, Now));
        logger.LogInformation("User {UserId} changed their reminders", userId);
        return Result.Ok;
    }

    public async Task<UnsubscribeView?> ReadUnsubscribeAsync(string? token, CancellationToken ct = default)
    {
        if (!unsubscribeTokens.TryRead(token, out var userId, out ReminderKind kind) || !await db.Users.AnyAsync(u => u.Id == userId, ct))
        {
            return null;
        }

        var preference = await db.ReminderPreferences.AsNoTracking().SingleOrDefaultAsync(p => p.UserId == userId, ct);
        return new UnsubscribeView(kind, preference?.IsOn(kind) ?? true);
    }

    // One click from an e-mail, no sign-in: the signed token says whose reminder and which kind.
    public async Task<Result> UnsubscribeAsync(string? token)
    {
        if (!unsubscribeTokens.TryRead(token, out var userId, out ReminderKind kind) || !await db.Users.AnyAsync(u => u.Id == userId))
        {
            return ServiceError.NotFound("link");
        }

        await ChangeAsync(userId, p => p.TurnOff(kind, Now));
        logger.LogInformation("User {UserId} turned off {Kind} reminders from an e-mail", userId, kind);
        return Result.Ok;
    }

    private Task ChangeAsync(string userId, Action<ReminderPreference> change) =>
        db.ChangeOrAddAsync(p => p.UserId == userId, () => new ReminderPreference(userId, Now), change);

    private async Task<NextReminderView> NextAsync(string userId, CoupleInfo couple, ReminderSettings settings, bool? checkedInThisWeek, CancellationToken ct)
    {
        if (!settings.CheckInEnabled)
        {
            return new NextReminderView(null, couple.TimeZoneId);
        }

        var zone = TimeZoneInfo.FindSystemTimeZoneById(couple.TimeZoneId);
        var now = Now;
        var week = IsoWeek.Of(DateOnly.FromDateTime(ReminderClock.ToLocal(now, zone)));
        var dueAt = ReminderClock.WeeklyDueUtc(week, settings.CheckInDay, settings.CheckInTime, zone);
        // Already past, or nothing to remind about this week: the next one is next week's.
        if (dueAt <= now || (checkedInThisWeek ?? await db.CheckIns.AnyAsync(c => c.CoupleId == couple.Id && c.AuthorId == userId && c.WeekKey == week.Key, ct)))
        {
            dueAt = ReminderClock.WeeklyDueUtc(week.Next, settings.CheckInDay, settings.CheckInTime, zone);
        }

        return new NextReminderView(ReminderClock.ToLocal(dueAt, zone), couple.TimeZoneId);
    }

    private Task<CoupleInfo?> CoupleOfAsync(string userId, CancellationToken ct) => db.Couples.AsNoTracking().ActiveFor(userId)
        .Select(c => new CoupleInfo(c.Id, c.TimeZoneId, c.CheckInDay))
        .SingleOrDefaultAsync(ct);
}
