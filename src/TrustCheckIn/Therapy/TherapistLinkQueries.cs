using System.Linq.Expressions;
using TrustCheckIn.Data;

namespace TrustCheckIn.Therapy;

public static class TherapistLinkQueries
{
    // A link is active until it is unlinked; leaving the couple or erasing an account unlinks it too.
    [InlinedFrom(nameof(ActiveQuery))]
    public static IQueryable<TherapistLink> Active(this IQueryable<TherapistLink> links) => ActiveRun(links);

    private static readonly Expression<Func<IQueryable<TherapistLink>, IQueryable<TherapistLink>>> ActiveQuery = links => links.Where(l => l.UnlinkedAt == null);

    private static readonly Func<IQueryable<TherapistLink>, IQueryable<TherapistLink>> ActiveRun = ActiveQuery.Compile();
}
