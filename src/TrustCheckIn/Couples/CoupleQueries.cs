using TrustCheckIn.Data;

namespace TrustCheckIn.Couples;

// Each rule is one expression (an Inlined field), run by its helper and expanded into compiled queries.
public static class CoupleQueries
{
    // Every partner query starts here: the one couple the person is in now.
    [InlinedFrom(nameof(ActiveForQuery))]
    public static IQueryable<Couple> ActiveFor(this IQueryable<Couple> couples, string userId) => ActiveForQuery.Run(couples, userId);

    // For "rows of my couples": used as `IdsFor(…).Contains(row.CoupleId)`, which SQLite answers as an IN list from
    // two index searches and then an index search per couple; `Any(c => c.Id == row.CoupleId)` scans the rows instead.
    [InlinedFrom(nameof(IdsForQuery))]
    public static IQueryable<int> IdsFor(this IQueryable<Couple> couples, string userId) => IdsForQuery.Run(couples, userId);

    [InlinedFrom(nameof(ActiveIdsForQuery))]
    public static IQueryable<int> ActiveIdsFor(this IQueryable<Couple> couples, string userId) => ActiveIdsForQuery.Run(couples, userId);

    // Active or closed: former partners keep read access to what they wrote.
    [InlinedFrom(nameof(AnyForQuery))]
    public static IQueryable<Couple> AnyFor(this IQueryable<Couple> couples, string userId) => AnyForQuery.Run(couples, userId);

    // The couple as one of its partners sees it: the "partner A or B" choice is made here and nowhere else.
    [InlinedFrom(nameof(SeenByQuery))]
    public static IQueryable<CoupleSeenBy> SeenBy(this IQueryable<Couple> couples, string userId) => SeenByQuery.Run(couples, userId);

    private static readonly Inlined<Func<IQueryable<Couple>, string, IQueryable<Couple>>> ActiveForQuery = new((couples, userId) =>
        couples.Where(c => c.ClosedAt == null && (c.PartnerAId == userId || c.PartnerBId == userId)));

    private static readonly Inlined<Func<IQueryable<Couple>, string, IQueryable<Couple>>> AnyForQuery = new((couples, userId) =>
        couples.Where(c => c.PartnerAId == userId || c.PartnerBId == userId));

    private static readonly Inlined<Func<IQueryable<Couple>, string, IQueryable<int>>> IdsForQuery = new((couples, userId) =>
        couples.AnyFor(userId).Select(c => c.Id));

    private static readonly Inlined<Func<IQueryable<Couple>, string, IQueryable<int>>> ActiveIdsForQuery = new((couples, userId) =>
        couples.ActiveFor(userId).Select(c => c.Id));

    private static readonly Inlined<Func<IQueryable<Couple>, string, IQueryable<CoupleSeenBy>>> SeenByQuery = new((couples, userId) =>
        couples.Select(c => new CoupleSeenBy
        {
            Id = c.Id,
            PartnerId = c.PartnerAId == userId ? c.PartnerBId : c.PartnerAId,
            PartnerDisplayName = c.PartnerAId == userId ? c.PartnerB!.DisplayName : c.PartnerA!.DisplayName,
            TimeZoneId = c.TimeZoneId,
            CheckInDay = c.CheckInDay,
            FormedAt = c.FormedAt,
            ClosedAt = c.ClosedAt,
        }));
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
