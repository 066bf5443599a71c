using TrustCheckIn.Accounts;

namespace TrustCheckIn.Couples;

public sealed class Couple
{
    private Couple()
    {
    }

    internal Couple(string partnerAId, string partnerBId, CheckInSchedule schedule, DateTime formedAt)
    {
        PartnerAId = partnerAId;
        PartnerBId = partnerBId;
        TimeZoneId = schedule.TimeZoneId;
        CheckInDay = schedule.Day;
        FormedAt = formedAt;
    }

    public int Id { get; private set; }

    public string PartnerAId { get; private set; } = "";

    public AppUser? PartnerA { get; private set; }

    public string PartnerBId { get; private set; } = "";

    public AppUser? PartnerB { get; private set; }

    public string TimeZoneId { get; private set; } = CheckInSchedule.DefaultTimeZoneId;

    public DayOfWeek CheckInDay { get; private set; }

    public DateTime FormedAt { get; private set; }

    public DateTime? ClosedAt { get; private set; }

    public string? ClosedById { get; private set; }

    public bool IsActive => ClosedAt is null;

    public CheckInSchedule Schedule => new(TimeZoneId, CheckInDay);

    public bool Includes(string userId) => PartnerAId == userId || PartnerBId == userId;

    public string PartnerOf(string userId) => userId == PartnerAId ? PartnerBId : PartnerAId;

    public void ChangeSchedule(CheckInSchedule schedule)
    {
        EnsureActive();
        TimeZoneId = schedule.TimeZoneId;
        CheckInDay = schedule.Day;
    }

    public void Close(string byUserId, DateTime now)
    {
        EnsureActive();
        ClosedAt = now;
        ClosedById = byUserId;
    }

    private void EnsureActive()
    {
        if (!IsActive)
        {
            throw new InvalidOperationException("A closed couple cannot change.");
        }
    }
}
