namespace TrustCheckIn.Therapy;

public static class TherapistLinkQueries
{
    // A link is active until it is unlinked; leaving the couple or erasing an account unlinks it too.
    public static IQueryable<TherapistLink> Active(this IQueryable<TherapistLink> links) =>
        links.Where(l => l.UnlinkedAt == null);
}
