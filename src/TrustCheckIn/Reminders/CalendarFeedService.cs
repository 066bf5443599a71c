using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TrustCheckIn.CheckIns;
using TrustCheckIn.Common;
using TrustCheckIn.Couples;
using TrustCheckIn.Data;

namespace TrustCheckIn.Reminders;

// A private iCalendar (RFC 5545) feed of the couple's weekly check-in. Calendar apps fetch it without a
// cookie, so the secret token in its address is the only key; it holds no entry text.
public sealed class CalendarFeedService(AppDbContext db, TimeProvider time, IOptions<AppOptions> appOptions, ILogger<CalendarFeedService> logger)
{
    public const string EventSummary = "Weekly check-in";
    public const int EventMinutes = 30;

    public sealed record FeedView(bool Exists, DateTime? CreatedAt);

    private DateTime Now => time.GetUtcNow().UtcDateTime;

    public string FeedUrl(string token) => appOptions.Value.Link($"/Calendar/{token}.ics");

    public async Task<FeedView> GetAsync(string userId, CancellationToken ct = default)
    {
        var createdAt = await db.CalendarFeeds.AsNoTracking().Where(f => f.UserId == userId).Select(f => (DateTime?)f.CreatedAt).SingleOrDefaultAsync(ct);
        return new FeedView(createdAt is not null, createdAt);
    }

    // Creates the address, or replaces it: the previous one then returns 404. The URL is shown once; only its hash is kept.
    public async Task<Result<string>> CreateOrRegenerateAsync(string userId)
    {
        if (!await db.Couples.ActiveFor(userId).AnyAsync())
        {
            return ServiceError.NotFound("couple");
        }

        var feed = await db.CalendarFeeds.SingleOrDefaultAsync(f => f.UserId == userId);
        string token;
        if (feed is null)
        {
            (feed, token) = CalendarFeed.Create(userId, Now);
            db.CalendarFeeds.Add(feed);
        }
        else
        {
            token = feed.Regenerate(Now);
        }

        await db.SaveChangesAsync();
        logger.LogInformation("User {UserId} made a new calendar address", userId);
        return FeedUrl(token);
    }

    public async Task<Result> RemoveAsync(string userId)
    {
        var removed = await db.CalendarFeeds.Where(f => f.UserId == userId).ExecuteDeleteAsync();
        logger.LogInformation("User {UserId} removed their calendar address ({Count})", userId, removed);
        return Result.Ok;
    }

    // Null for an unknown token (404). A former partner's feed is an empty calendar, so subscribed apps quietly clear the event.
    public async Task<string?> RenderAsync(string token, CancellationToken ct = default)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 100)
        {
            return null;
        }

        var hash = CalendarFeed.Hash(token);
        var userId = await db.CalendarFeeds.AsNoTracking().Where(f => f.TokenHash == hash).Select(f => f.UserId).SingleOrDefaultAsync(ct);
        if (userId is null)
        {
            return null;
        }

        var calendar = new Calendar();
        calendar.AddProperty("X-WR-CALNAME", "TrustCheckIn");
        var couple = await db.Couples.AsNoTracking().ActiveFor(userId)
            .Select(c => new { c.TimeZoneId, c.CheckInDay, c.FormedAt })
            .SingleOrDefaultAsync(ct);
        if (couple is not null)
        {
            var preference = await db.ReminderPreferences.AsNoTracking().Where(p => p.UserId == userId)
                .Select(p => new { p.CheckInEnabled, p.CheckInTime })
                .SingleOrDefaultAsync(ct);
            var at = preference is { CheckInEnabled: true } ? preference.CheckInTime : ReminderPreference.DefaultTime;
            calendar.AddTimeZone(TimeZoneOf(couple.TimeZoneId, couple.FormedAt));
            calendar.Events.Add(WeeklyCheckIn(couple.TimeZoneId, couple.CheckInDay, at, couple.FormedAt, hash));
        }

        return new CalendarSerializer().SerializeToString(calendar);
    }

    private CalendarEvent WeeklyCheckIn(string timeZoneId, DayOfWeek day, TimeOnly at, DateTime formedAt, string hash)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(timeZoneId);
        var formedWeek = IsoWeek.Of(DateOnly.FromDateTime(ReminderClock.ToLocal(formedAt, zone)));
        // The first check-in day on or after the day the couple formed.
        var first = ReminderClock.DayIn(formedWeek, day);
        if (ReminderClock.ToUtc(first.ToDateTime(at), zone) < formedAt)
        {
            first = ReminderClock.DayIn(formedWeek.Next, day);
        }

        return new CalendarEvent
        {
            // Stable for one address, new with a new address.
            Uid = $"weekly-check-in-{hash[..16]}@trustcheckin",
            Summary = EventSummary,
            DtStamp = new CalDateTime(Now),
            Start = new CalDateTime(first.Year, first.Month, first.Day, at.Hour, at.Minute, 0, timeZoneId),
            Duration = Duration.FromMinutes(EventMinutes),
            RecurrenceRule = new RecurrencePattern(FrequencyType.Weekly, 1) { ByDay = [new WeekDay(day)] },
        };
    }

    // Full STANDARD/DAYLIGHT rules so every calendar app shows the same local time across daylight saving.
    private static VTimeZone TimeZoneOf(string timeZoneId, DateTime formedAt)
    {
        try
        {
            return VTimeZone.FromDateTimeZone(timeZoneId, formedAt, includeHistoricalData: false);
        }
        catch (NodaTime.TimeZones.DateTimeZoneNotFoundException)
        {
            return new VTimeZone(timeZoneId);
        }
    }
}
