namespace TrustCheckIn.Therapy;

public sealed class TherapistLink
{
    private TherapistLink()
    {
    }

    public TherapistLink(int coupleId, string therapistId, string linkedById, DateTime now)
    {
        CoupleId = coupleId;
        TherapistId = therapistId;
        LinkedById = linkedById;
        LinkedAt = now;
    }

    public int Id { get; private set; }

    public int CoupleId { get; private set; }

    public string TherapistId { get; private set; } = "";

    public string LinkedById { get; private set; } = "";

    public DateTime LinkedAt { get; private set; }

    public DateTime? UnlinkedAt { get; private set; }

    public bool IsActive => UnlinkedAt is null;

    public void Unlink(DateTime now) => UnlinkedAt ??= now;
}
