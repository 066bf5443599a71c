namespace TrustCheckIn.Couples;

public static class CoupleQueries
{
    // Every partner query starts here: the one couple the person is in now.
    public static IQueryable<Couple> ActiveFor(this IQueryable<Couple> couples, string userId) =>
        couples.Where(c => c.ClosedAt == null && (c.PartnerAId == userId || c.PartnerBId == userId));

    // For "rows of my couples": used as `IdsFor(…).Contains(row.CoupleId)`, which SQLite answers as an IN list from
    // two index searches and then an index search per couple; `Any(c => c.Id == row.CoupleId)` scans the rows instead.
    public static IQueryable<int> IdsFor(this IQueryable<Couple> couples, string userId) => couples.AnyFor(userId).Select(c => c.Id);

    public static IQueryable<int> ActiveIdsFor(this IQueryable<Couple> couples, string userId) => couples.ActiveFor(userId).Select(c => c.Id);

    // Active or closed: former partners keep read access to what they wrote.
    public static IQueryable<Couple> AnyFor(this IQueryable<Couple> couples, string userId) =>
        couples.Where(c => c.PartnerAId == userId || c.PartnerBId == userId);

    // The couple as one of its partners sees it: the "partner A or B" choice is made here and nowhere else.
    public static IQueryable<CoupleSeenBy> SeenBy(this IQueryable<Couple> couples, string userId) =>
        couples.Select(c => new CoupleSeenBy
        {
            Id = c.Id,
            PartnerId = c.PartnerAId == userId ? c.PartnerBId : c.PartnerAId,
            PartnerDisplayName = c.PartnerAId == userId ? c.PartnerB!.DisplayName : c.PartnerA!.DisplayName,
            TimeZoneId = c.TimeZoneId,
            CheckInDay = c.CheckInDay,
            FormedAt = c.FormedAt,
            ClosedAt = c.ClosedAt,
        });
}

// Settable members, not a positional record: EF Core reads only the columns a later Select uses.
public sealed class CoupleSeenBy
{
    public int Id { get; init; }

    public string PartnerId { get; init; } = "";

    public string PartnerDisplayName { get; init; } = "";

    public string TimeZoneId { get; init; } = "";

    public DayOfWeek CheckInDay { get; init; }

    public DateTime FormedAt { get; init; }

    public DateTime? ClosedAt { get; init; }
}
