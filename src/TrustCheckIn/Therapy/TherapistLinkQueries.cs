using TrustCheckIn.Data;

namespace TrustCheckIn.Therapy;

public static class TherapistLinkQueries
{
    // A link is active until it is unlinked; leaving the couple or erasing an account unlinks it too.
    [InlinedFrom(nameof(ActiveQuery))]
    public static IQueryable<TherapistLink> Active(this IQueryable<TherapistLink> links) => ActiveQuery.Run(links);

    private static readonly Inlined<Func<IQueryable<TherapistLink>, IQueryable<TherapistLink>>> ActiveQuery = new(links => links.Where(l => l.UnlinkedAt == null));
}
