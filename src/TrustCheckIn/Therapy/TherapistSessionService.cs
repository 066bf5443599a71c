using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using TrustCheckIn.Common;
using TrustCheckIn.Data;
using TrustCheckIn.Notifications;

namespace TrustCheckIn.Therapy;

// The only two things a therapist writes into a couple's space: a practice suggestion (with both partners'
// practice consent) and a "talked about in session" mark on an agenda item (with its author's agenda consent).
// Each is one access-log row, saved with the change itself; a refused attempt changes nothing at all.
public sealed class TherapistSessionService(AppDbContext db, TherapistReadingService reading, TimeProvider time, ILogger<TherapistSessionService> logger)
{
    public static IReadOnlyList<PracticeKind> Kinds { get; } = Enum.GetValues<PracticeKind>();

    private DateTime Now => time.GetUtcNow().UtcDateTime;

    public async Task<Result> SuggestAsync(string therapistId, int coupleId, PracticeKind? kind, string? text, DateOnly? dueOn)
    {
        var access = await reading.AccessAsync(therapistId, coupleId);
        if (access is null)
        {
            return ServiceError.NotFound("couple");
        }

        if (!access.SharesPractice)
        {
            return ServiceError.RefusedByRule("Both partners need to share practice with you before you can suggest one. You can ask them.");
        }

        text = string.IsNullOrWhiteSpace(text) ? null : text.Trim();
        if (kind is not { } chosen || !Enum.IsDefined(chosen))
        {
            return ServiceError.Invalid("Kind", "Please choose a kind of practice.");
        }

        if (chosen == PracticeKind.OwnWords && text is null)
        {
            return ServiceError.Invalid("Text", "Please write the practice in your own words.");
        }

        if (text?.Length > Practice.TextMaxLength)
        {
            return ServiceError.Invalid("Text", $"Please keep it to {Practice.TextMaxLength} characters.");
        }

        var now = Now;
        if (dueOn is { } due && due < DateOnly.FromDateTime(access.Local(now)))
        {
            return ServiceError.Invalid("DueOn", "That day has passed; choose today or a later day, or leave it empty.");
        }

        db.Practices.Add(new Practice(coupleId, access.LinkId, therapistId, chosen, text, dueOn, now));
        foreach (var partner in access.Partners)
        {
            db.Tell(partner.PartnerId, NotificationKind.PracticeSuggested, coupleId, therapistId, "/Couple/Practice", now);
        }

        await reading.LogAsync(therapistId, coupleId, AccessKind.PracticeSuggested, ConsentScope.Practice);
        logger.LogInformation("Therapist {TherapistId} suggested a {Kind} practice to couple {CoupleId}", therapistId, chosen, coupleId);
        return Result.Ok;
    }

    public async Task<Result> MarkTalkedAboutAsync(string therapistId, int coupleId, int itemId)
    {
        var access = await reading.AccessAsync(therapistId, coupleId);
        var item = access is null ? null : await db.AgendaItems.SingleOrDefaultAsync(a => a.Id == itemId && a.CoupleId == coupleId);
        // An item whose author does not share the agenda (or did not when it was added) is not there for the therapist.
        if (access is null || item is null || !access.Consented(item.AuthorId, ConsentScope.Agenda, DateOnly.FromDateTime(access.Local(item.AddedAt))))
        {
            return ServiceError.NotFound("agenda item");
        }

        item.MarkTalkedAbout(Now);
        await reading.LogAsync(therapistId, coupleId, AccessKind.AgendaTalkedAbout, ConsentScope.Agenda);
        logger.LogInformation("Therapist {TherapistId} marked agenda item {ItemId} talked about", therapistId, itemId);
        return Result.Ok;
    }
}
