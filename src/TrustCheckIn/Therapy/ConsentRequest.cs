namespace TrustCheckIn.Therapy;

// A therapist asking one partner to share one more kind of entry. The answer is the partner's alone: it is
// asked once, never repeated by a reminder, and stays open until answered or the link ends.
public sealed class ConsentRequest
{
    public const int ReasonMaxLength = 300;

    private ConsentRequest()
    {
    }

    public ConsentRequest(int linkId, string therapistId, string partnerId, ConsentScope scope, string? reason, DateTime now)
    {
        LinkId = linkId;
        TherapistId = therapistId;
        PartnerId = partnerId;
        Scope = scope;
        Reason = reason;
        RequestedAt = now;
    }

    public int Id { get; private set; }

    public int LinkId { get; private set; }

    public string TherapistId { get; private set; } = "";

    public string PartnerId { get; private set; } = "";

    public ConsentScope Scope { get; private set; }

    // The therapist's own words, encrypted under the therapist's key.
    public string? Reason { get; private set; }

    public DateTime RequestedAt { get; private set; }

    public DateTime? AnsweredAt { get; private set; }

    public bool? Accepted { get; private set; }

    public bool IsOpen => AnsweredAt is null;

    public void Answer(bool accept, DateTime now)
    {
        if (!IsOpen)
        {
            throw new InvalidOperationException("A request is answered once.");
        }

        Accepted = accept;
        AnsweredAt = now;
    }
}
