namespace TrustCheckIn.Therapy;

// "Something I'd like to bring to our next session": one partner's words, seen by the other partner and, with the
// author's agenda consent, by the therapist, who may only mark it talked about.
public sealed class AgendaItem
{
    public const int TextMaxLength = 500;

    // Open items a couple may hold at once: an agenda longer than this is more than one session can hear.
    public const int MaxOpen = 30;

    private AgendaItem()
    {
    }

    public AgendaItem(int coupleId, string authorId, string text, DateTime now)
    {
        CoupleId = coupleId;
        AuthorId = authorId;
        Text = text;
        AddedAt = now;
    }

    public int Id { get; private set; }

    public int CoupleId { get; private set; }

    public string AuthorId { get; private set; } = "";

    // Encrypted under the author's key.
    public string Text { get; private set; } = "";

    public DateTime AddedAt { get; private set; }

    public DateTime? TalkedAboutAt { get; private set; }

    public bool IsOpen => TalkedAboutAt is null;

    public void MarkTalkedAbout(DateTime now) => TalkedAboutAt ??= now;
}
