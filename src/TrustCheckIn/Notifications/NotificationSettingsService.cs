using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using TrustCheckIn.Common;
using TrustCheckIn.Couples;
using TrustCheckIn.Data;
using TrustCheckIn.Reminders;

namespace TrustCheckIn.Notifications;

public sealed class NotificationSettingsService(AppDbContext db, TimeProvider time, UnsubscribeTokens unsubscribeTokens, ILogger<NotificationSettingsService> logger)
{
    public sealed record SettingsView(IReadOnlySet<NotificationKind> Email, IReadOnlySet<NotificationKind> Push, bool QuietHours, TimeOnly QuietFrom, TimeOnly QuietUntil, string? TimeZoneId, IReadOnlyList<NotificationKind> Kinds);

    public sealed record SettingsInput(IReadOnlyCollection<NotificationKind> Email, IReadOnlyCollection<NotificationKind> Push, bool QuietHours, TimeOnly QuietFrom, TimeOnly QuietUntil, string? TimeZoneId);

    public sealed record UnsubscribeView(NotificationKind Kind, bool IsOn);

    private DateTime Now => time.GetUtcNow().UtcDateTime;

    // The kinds a person can be told about: a therapist's and an administrator's own, or a partner's.
    public static IReadOnlyList<NotificationKind> KindsFor(bool partner, bool therapist, bool administrator) =>
        Enum.GetValues<NotificationKind>().Where(k => k switch
        {
            NotificationKind.TherapistApproved or NotificationKind.CoupleLinkedYou or NotificationKind.ConsentChanged => therapist,
            NotificationKind.TherapistAwaitingApproval => administrator,
            _ => partner,
        }).ToList();

    public async Task<SettingsView> GetAsync(string userId, IReadOnlyList<NotificationKind> kinds, CancellationToken ct = default)
    {
        var settings = await db.NotificationSettings.AsNoTracking().SingleOrDefaultAsync(s => s.UserId == userId, ct) ?? NotificationSettings.Defaults(userId);
        return new SettingsView(
            kinds.Where(k => settings.Wants(NotificationChannel.Email, k)).ToHashSet(),
            kinds.Where(k => settings.Wants(NotificationChannel.Push, k)).ToHashSet(),
            settings.QuietHours, settings.QuietFrom, settings.QuietUntil, settings.TimeZoneId, kinds);
    }

    public async Task<Result> SaveAsync(string userId, SettingsInput input)
    {
        if (input.TimeZoneId is { } zone && !CheckInSchedule.IsKnownTimeZone(zone))
        {
            return ServiceError.Invalid(nameof(SettingsInput.TimeZoneId), "Please choose a time zone from the list.");
        }

        if (input.QuietHours && input.QuietFrom == input.QuietUntil)
        {
            return ServiceError.Invalid(nameof(SettingsInput.QuietUntil), "Quiet hours need an end different from their start.");
        }

        await ChangeAsync(userId, s => s.Change(input.Email, input.Push, input.QuietHours, input.QuietFrom, input.QuietUntil, input.TimeZoneId, Now));
        logger.LogInformation("User {UserId} changed their notification settings", userId);
        return Result.Ok;
    }

    public async Task<UnsubscribeView?> ReadUnsubscribeAsync(string? token, CancellationToken ct = default)
    {
        if (!unsubscribeTokens.TryRead(token, out var userId, out NotificationKind kind) || !await db.Users.AnyAsync(u => u.Id == userId, ct))
        {
            return null;
        }

        var settings = await db.NotificationSettings.AsNoTracking().SingleOrDefaultAsync(s => s.UserId == userId, ct) ?? NotificationSettings.Defaults(userId);
        return new UnsubscribeView(kind, settings.Wants(NotificationChannel.Email, kind));
    }

    // One click from a mail, no sign-in: the signed token says whose e-mails and which kind.
    public async Task<Result> UnsubscribeAsync(string? token)
    {
        if (!unsubscribeTokens.TryRead(token, out var userId, out NotificationKind kind) || !await db.Users.AnyAsync(u => u.Id == userId))
        {
            return ServiceError.NotFound("link");
        }

        await ChangeAsync(userId, s => s.TurnOff(NotificationChannel.Email, kind, Now));
        logger.LogInformation("User {UserId} turned off {Kind} e-mails from a mail", userId, kind);
        return Result.Ok;
    }

    private Task ChangeAsync(string userId, Action<NotificationSettings> change) =>
        db.ChangeOrAddAsync(s => s.UserId == userId, () => new NotificationSettings(userId, Now), change);
}
