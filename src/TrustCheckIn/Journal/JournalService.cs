using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using TrustCheckIn.Common;
using TrustCheckIn.Data;

namespace TrustCheckIn.Journal;

// Every query filters by AuthorId = actor: no partner, administrator or couple ever reaches these rows.
// Entries need no couple, so they outlive one. Logs carry ids only, never entry text.
public sealed class JournalService(AppDbContext db, TimeProvider time, ILogger<JournalService> logger)
{
    public const int PageSize = 10;
    public const int ExcerptLength = 240;
    public const int SearchLength = 100;

    public sealed record EntryInput(JournalPrompt? Prompt, string Text, bool ShareableWithTherapist);

    public sealed record EntrySummary(int Id, JournalPrompt? Prompt, string Excerpt, bool IsShortened, DateTime CreatedAt, bool ShareableWithTherapist);

    public sealed record EntryPage(IReadOnlyList<EntrySummary> Entries, int Page, bool HasNewer, bool HasOlder, string? Search);

    public sealed record EntryView(int Id, JournalPrompt? Prompt, string Text, DateTime CreatedAt, DateTime UpdatedAt, bool ShareableWithTherapist, DateTime? MarkedShareableAt);

    public sealed record ChecklistView(IReadOnlyList<string> CoreValues, string Boundaries, DateTime RevisitedAt)
    {
        public IReadOnlyList<string> BoundaryLines => SelfTrustChecklist.Lines(Boundaries);
    }

    private DateTime Now => time.GetUtcNow().UtcDateTime;

    public async Task<EntryPage> ListAsync(string authorId, int page, string? search, CancellationToken ct = default)
    {
        page = Math.Max(1, page);
        var word = string.IsNullOrWhiteSpace(search) ? null : search.Trim();
        var entries = db.JournalEntries.AsNoTracking().Where(e => e.AuthorId == authorId);
        if (word is not null)
        {
            var pattern = $"%{EscapeLike(word[..Math.Min(word.Length, SearchLength)])}%";
            entries = entries.Where(e => EF.Functions.Like(e.Text, pattern, LikeEscape));
        }

        var rows = await entries
            .OrderByDescending(e => e.CreatedAt).ThenByDescending(e => e.Id)
            .Skip((page - 1) * PageSize)
            .Take(PageSize + 1)
            .Select(e => new EntrySummary(
                e.Id,
                e.Prompt,
                e.Text.Length > ExcerptLength ? e.Text.Substring(0, ExcerptLength) : e.Text,
                e.Text.Length > ExcerptLength,
                e.CreatedAt,
                e.ShareableWithTherapist))
            .ToListAsync(ct);
        return new EntryPage(rows.Take(PageSize).ToList(), page, page > 1, rows.Count > PageSize, word);
    }

    private const string LikeEscape = "\\";

    // The person's words are matched literally: % and _ are text here, not wildcards.
    public static string EscapeLike(string word) => word
        .Replace(LikeEscape, LikeEscape + LikeEscape, StringComparison.Ordinal)
        .Replace("%", LikeEscape + "%", StringComparison.Ordinal)
        .Replace("_", LikeEscape + "_", StringComparison.Ordinal);

    public Task<EntryView?> GetAsync(string authorId, int id, CancellationToken ct = default) =>
        db.JournalEntries.AsNoTracking()
            .Where(e => e.Id == id && e.AuthorId == authorId)
            .Select(e => new EntryView(e.Id, e.Prompt, e.Text, e.CreatedAt, e.UpdatedAt, e.ShareableWithTherapist, e.MarkedShareableAt))
            .SingleOrDefaultAsync(ct);

    public async Task<Result<int>> CreateAsync(string authorId, EntryInput input)
    {
        if (Validate(input) is { } error)
        {
            return error;
        }

        var entry = new JournalEntry(authorId, input.Prompt, Normalise(input.Text), input.ShareableWithTherapist, Now);
        db.JournalEntries.Add(entry);
        await db.SaveChangesAsync();
        logger.LogInformation("User {UserId} wrote journal entry {EntryId}", authorId, entry.Id);
        return entry.Id;
    }

    public async Task<Result> UpdateAsync(string authorId, int id, EntryInput input)
    {
        var entry = await db.JournalEntries.SingleOrDefaultAsync(e => e.Id == id && e.AuthorId == authorId);
        if (entry is null)
        {
            return ServiceError.NotFound("entry");
        }

        if (Validate(input) is { } error)
        {
            return error;
        }

        entry.Change(input.Prompt, Normalise(input.Text), input.ShareableWithTherapist, Now);
        await db.SaveChangesAsync();
        logger.LogInformation("User {UserId} changed journal entry {EntryId}", authorId, id);
        return Result.Ok;
    }

    public async Task<Result> SetShareableAsync(string authorId, int id, bool shareable)
    {
        var entry = await db.JournalEntries.SingleOrDefaultAsync(e => e.Id == id && e.AuthorId == authorId);
        if (entry is null)
        {
            return ServiceError.NotFound("entry");
        }

        entry.SetShareable(shareable, Now);
        await db.SaveChangesAsync();
        logger.LogInformation("User {UserId} set journal entry {EntryId} shareable={Shareable}", authorId, id, shareable);
        return Result.Ok;
    }

    // A real delete: the row is gone (and secure_delete overwrites it in the file).
    public async Task<Result> DeleteAsync(string authorId, int id)
    {
        var deleted = await db.JournalEntries.Where(e => e.Id == id && e.AuthorId == authorId).ExecuteDeleteAsync();
        if (deleted == 0)
        {
            return ServiceError.NotFound("entry");
        }

        logger.LogInformation("User {UserId} deleted journal entry {EntryId}", authorId, id);
        return Result.Ok;
    }

    // Browsers send CRLF; counting a line break as one character matches what the person sees.
    private static string Normalise(string? text) => (text ?? "").ReplaceLineEndings("\n").Trim();

    private static ServiceError? Validate(EntryInput input)
    {
        if (input.Prompt is { } prompt && !Enum.IsDefined(prompt))
        {
            return ServiceError.Invalid("Prompt", "Please choose one of the prompts, or none.");
        }

        var length = Normalise(input.Text).Length;
        return length == 0 ? ServiceError.Invalid("Text", "Please write something first. A sentence is plenty.")
            : length > JournalEntry.TextLength ? ServiceError.Invalid("Text", $"An entry can be up to {JournalEntry.TextLength:N0} characters. Yours is {length:N0}.")
            : null;
    }

    public async Task<ChecklistView?> GetChecklistAsync(string authorId, CancellationToken ct = default)
    {
        var row = await db.SelfTrustChecklists.AsNoTracking()
            .Where(c => c.AuthorId == authorId)
            .Select(c => new { c.CoreValues, c.Boundaries, c.RevisitedAt })
            .SingleOrDefaultAsync(ct);
        return row is null ? null : new ChecklistView(SelfTrustChecklist.Lines(row.CoreValues), row.Boundaries, row.RevisitedAt);
    }

    public async Task<Result> SaveChecklistAsync(string authorId, string? coreValues, string? boundaries)
    {
        var values = SelfTrustChecklist.Lines(coreValues?.ReplaceLineEndings("\n"));
        if (values.Count > SelfTrustChecklist.MaxValues)
        {
            return ServiceError.Invalid("CoreValues", $"Keep it to your {SelfTrustChecklist.MaxValues} most important values, one per line. You have {values.Count}.");
        }

        if (values.FirstOrDefault(v => v.Length > SelfTrustChecklist.ValueLength) is { } tooLong)
        {
            return ServiceError.Invalid("CoreValues", $"Each value can be up to {SelfTrustChecklist.ValueLength} characters, one per line. \"{tooLong[..20]}…\" is longer.");
        }

        var normalisedBoundaries = (boundaries ?? "").ReplaceLineEndings("\n").Trim();
        if (normalisedBoundaries.Length > SelfTrustChecklist.BoundariesLength)
        {
            return ServiceError.Invalid("Boundaries", $"Your boundaries can be up to {SelfTrustChecklist.BoundariesLength:N0} characters. They are {normalisedBoundaries.Length:N0}.");
        }

        var checklist = await db.SelfTrustChecklists.SingleOrDefaultAsync(c => c.AuthorId == authorId);
        if (checklist is null)
        {
            db.SelfTrustChecklists.Add(new SelfTrustChecklist(authorId, values, normalisedBoundaries, Now));
        }
        else
        {
            checklist.Change(values, normalisedBoundaries, Now);
        }

        await db.SaveChangesAsync();
        logger.LogInformation("User {UserId} saved their self-trust checklist", authorId);
        return Result.Ok;
    }

    public async Task<Result> MarkChecklistRevisitedAsync(string authorId)
    {
        var checklist = await db.SelfTrustChecklists.SingleOrDefaultAsync(c => c.AuthorId == authorId);
        if (checklist is null)
        {
            return ServiceError.NotFound("checklist");
        }

        checklist.MarkRevisited(Now);
        await db.SaveChangesAsync();
        return Result.Ok;
    }
}
