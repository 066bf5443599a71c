using TrustCheckIn.Couples;

namespace TrustCheckIn.Conversations;

// The one small step a couple agreed on at the end of talking a week through: one per couple-week.
public sealed class SharedStep
{
    public const int TextLength = 300;

    private SharedStep()
    {
    }

    internal SharedStep(int coupleId, int weekKey, string text, string addedById, DateTime now)
    {
        CoupleId = coupleId;
        WeekKey = weekKey;
        Text = text;
        AddedById = addedById;
        CreatedAt = now;
        UpdatedAt = now;
    }

    public int Id { get; private set; }

    public int CoupleId { get; private set; }

    public Couple? Couple { get; private set; }

    public int WeekKey { get; private set; }

    public string Text { get; private set; } = "";

    public string AddedById { get; private set; } = "";

    public DateTime CreatedAt { get; private set; }

    public DateTime UpdatedAt { get; private set; }

    // Keeping again rewords the week's step; it never makes a second one.
    public void Reword(string text, string byId, DateTime now)
    {
        Text = text;
        AddedById = byId;
        UpdatedAt = now;
    }
}
