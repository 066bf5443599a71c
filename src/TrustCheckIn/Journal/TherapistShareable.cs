namespace TrustCheckIn.Journal;

// Private by default; the author may mark a single item for their therapist (read only with consent).
public abstract class TherapistShareable
{
    public bool ShareableWithTherapist { get; private set; }

    public DateTime? MarkedShareableAt { get; private set; }

    // The date records when the author last said yes; saying yes again keeps the first date.
    public void SetShareable(bool shareable, DateTime now)
    {
        if (shareable && !ShareableWithTherapist)
        {
            MarkedShareableAt = now;
        }
        else if (!shareable)
        {
            MarkedShareableAt = null;
        }

        ShareableWithTherapist = shareable;
    }
}
