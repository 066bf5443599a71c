using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using TrustCheckIn.Common;
using TrustCheckIn.Couples;
using TrustCheckIn.Data;

namespace TrustCheckIn.Therapy;

// The partners' side of practice between sessions: both read what their therapist suggested; each says, for
// themselves, whether they did it and in a line how it went.
public sealed class PracticeService(AppDbContext db, TimeProvider time, ILogger<PracticeService> logger)
{
    public const int Shown = 20;

    // Home shows a practice not yet done for this long after it was suggested; the practice page keeps them all.
    public const int HomeDays = 56;

    public sealed record Answer(bool Done, string? Line);

    // SuggestedAt on the couple's clock; Partner's answer is null until they give one.
    public sealed record PracticeView(int Id, PracticeKind Kind, string? Text, DateOnly? DueOn, DateTime SuggestedAt, Answer? Mine, Answer? Partner);

    public sealed record PracticesView(string PartnerDisplayName, IReadOnlyList<PracticeView> Practices);

    // The newest practice not yet done by this person, as home reads it inside its own couple query.
    public sealed record StoredOpen(int? Id, PracticeKind? Kind, string? Text, DateOnly? DueOn);

    public sealed record OpenPractice(int Id, PracticeKind Kind, string? Text, DateOnly? DueOn);

    public static OpenPractice? OpenOf(StoredOpen stored) =>
        stored is { Id: { } id, Kind: { } kind } ? new OpenPractice(id, kind, stored.Text, stored.DueOn) : null;

    private DateTime Now => time.GetUtcNow().UtcDateTime;

    // Null without an active couple.
    public async Task<PracticesView?> ListAsync(string userId, CancellationToken ct = default)
    {
        var couple = await db.Couples.AsNoTracking().ActiveFor(userId).SeenBy(userId)
            .Select(c => new { c.Id, c.PartnerId, c.PartnerDisplayName, c.TimeZoneId })
            .SingleOrDefaultAsync(ct);
        if (couple is null)
        {
            return null;
        }

        var rows = await db.Practices.AsNoTracking()
            .Where(p => p.CoupleId == couple.Id)
            .OrderByDescending(p => p.Id)
            .Take(Shown)
            .Select(p => new
            {
                p.Id,
                p.Kind,
                p.Text,
                p.DueOn,
                p.SuggestedAt,
                Answers = db.PracticeResponses.Where(r => r.PracticeId == p.Id).Select(r => new { r.AuthorId, r.DoneAt, r.Line }).ToList(),
            })
            .ToListAsync(ct);
        return new PracticesView(couple.PartnerDisplayName, rows.Select(p =>
        {
            Answer? Of(string authorId) => p.Answers.SingleOrDefault(a => a.AuthorId == authorId) is { } a ? new Answer(a.DoneAt is not null, a.Line) : null;
            return new PracticeView(p.Id, p.Kind, p.Text, p.DueOn, CheckInSchedule.ToLocal(p.SuggestedAt, couple.TimeZoneId), Of(userId), Of(couple.PartnerId));
        }).ToList());
    }

    // Done or not, and the line (empty clears it): the person's answer as they leave it, saved whole.
    public async Task<Result> AnswerAsync(string userId, int practiceId, bool done, string? line)
    {
        line = string.IsNullOrWhiteSpace(line) ? null : line.Trim();
        if (line?.Length > PracticeResponse.LineMaxLength)
        {
            return ServiceError.Invalid("Line", $"Please keep it to {PracticeResponse.LineMaxLength} characters: a line is enough, the rest is for the session.");
        }

        return await SaveAsync(userId, practiceId, (answer, now) => answer.Record(done, line, now));
    }

    // The button on home: done, keeping any line already written.
    public Task<Result> MarkDoneAsync(string userId, int practiceId) =>
        SaveAsync(userId, practiceId, (answer, now) => answer.Record(done: true, answer.Line, now));

    private async Task<Result> SaveAsync(string userId, int practiceId, Action<PracticeResponse, DateTime> change)
    {

        var exists = await db.Practices.AnyAsync(p => p.Id == practiceId && db.Couples.ActiveIdsFor(userId).Contains(p.CoupleId));
        if (!exists)
        {
            return ServiceError.NotFound("practice");
        }

        var now = Now;
        var answer = await db.PracticeResponses.SingleOrDefaultAsync(r => r.PracticeId == practiceId && r.AuthorId == userId);
        if (answer is null)
        {
            answer = new PracticeResponse(practiceId, userId);
            db.PracticeResponses.Add(answer);
        }

        change(answer, now);
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateException e) when (DatabaseErrors.IsUniqueViolation(e))
        {
            return ServiceError.Conflict("You answered this a moment ago in another window; please look again.");
        }

        logger.LogInformation("User {UserId} answered practice {PracticeId} (done: {Done})", userId, practiceId, answer.DoneAt is not null);
        return Result.Ok;
    }
}
