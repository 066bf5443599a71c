namespace TrustCheckIn.Couples;

public static class CoupleQueries
{
    // Every partner query starts here: the one couple the person is in now.
    public static IQueryable<Couple> ActiveFor(this IQueryable<Couple> couples, string userId) =>
        couples.Where(c => c.ClosedAt == null && (c.PartnerAId == userId || c.PartnerBId == userId));

    // Active or closed: former partners keep read access to what they wrote.
    public static IQueryable<Couple> AnyFor(this IQueryable<Couple> couples, string userId) =>
        couples.Where(c => c.PartnerAId == userId || c.PartnerBId == userId);
}
