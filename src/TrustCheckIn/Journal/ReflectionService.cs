using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using TrustCheckIn.Common;
using TrustCheckIn.Data;

namespace TrustCheckIn.Journal;

// Monthly trust-pattern reflections: the author's own, by AuthorId = actor on every query.
// Months are calendar months in UTC, so a reflection never depends on being in a couple.
public sealed class ReflectionService(AppDbContext db, TimeProvider time, ILogger<ReflectionService> logger)
{
    public const int TrendMonths = 12;

    public sealed record ReflectionInput(PatternRatings Ratings, string? Note, bool ShareableWithTherapist);

    public sealed record ReflectionView(int Id, DateOnly Month, PatternRatings Ratings, string? Note, DateTime UpdatedAt, bool ShareableWithTherapist, DateTime? MarkedShareableAt);

    public sealed record TrendMonth(int Id, DateOnly Month, PatternRatings Ratings);

    public sealed record PatternAverages(
        int Months,
        double CheckingForReassurance,
        double AvoidingVulnerability,
        double ReadingThreats,
        double TensionOverTimeApart,
        double DoubtingApologies,
        double Overthinking,
        double GettingDefensive,
        double Jealousy,
        double PullingAway)
    {
        public double this[TrustPattern pattern] => pattern switch
        {
            TrustPattern.CheckingForReassurance => CheckingForReassurance,
            TrustPattern.AvoidingVulnerability => AvoidingVulnerability,
            TrustPattern.ReadingThreats => ReadingThreats,
            TrustPattern.TensionOverTimeApart => TensionOverTimeApart,
            TrustPattern.DoubtingApologies => DoubtingApologies,
            TrustPattern.Overthinking => Overthinking,
            TrustPattern.GettingDefensive => GettingDefensive,
            TrustPattern.Jealousy => Jealousy,
            TrustPattern.PullingAway => PullingAway,
            _ => throw new ArgumentOutOfRangeException(nameof(pattern)),
        };
    }

    // Months runs oldest first over the whole window; Reflected holds only months with a reflection.
    public sealed record Trend(IReadOnlyList<DateOnly> Months, IReadOnlyList<TrendMonth> Reflected, PatternAverages? Averages)
    {
        public TrendMonth? For(DateOnly month) => Reflected.FirstOrDefault(r => r.Month == month);
    }

    public DateOnly ThisMonth => TrustPatternReflection.MonthOf(time.GetUtcNow().UtcDateTime);

    private DateTime Now => time.GetUtcNow().UtcDateTime;

    public Task<ReflectionView?> GetThisMonthAsync(string authorId, CancellationToken ct = default)
    {
        var month = ThisMonth;
        return Views(db.TrustPatternReflections.Where(r => r.AuthorId == authorId && r.Month == month)).SingleOrDefaultAsync(ct);
    }

    public Task<ReflectionView?> GetAsync(string authorId, int id, CancellationToken ct = default) =>
        Views(db.TrustPatternReflections.Where(r => r.Id == id && r.AuthorId == authorId)).SingleOrDefaultAsync(ct);

    private static IQueryable<ReflectionView> Views(IQueryable<TrustPatternReflection> reflections) => reflections
        .AsNoTracking()
        .Select(r => new ReflectionView(
            r.Id,
            r.Month,
            new PatternRatings(r.CheckingForReassurance, r.AvoidingVulnerability, r.ReadingThreats, r.TensionOverTimeApart,
                r.DoubtingApologies, r.Overthinking, r.GettingDefensive, r.Jealousy, r.PullingAway),
            r.Note,
            r.UpdatedAt,
            r.ShareableWithTherapist,
            r.MarkedShareableAt));

    public async Task<Result<int>> SaveThisMonthAsync(string authorId, ReflectionInput input)
    {
        if (!input.Ratings.AreAllFrequencies)
        {
            return ServiceError.InvalidForm("Please choose how often for each pattern, from never to very often.");
        }

        var note = input.Note?.ReplaceLineEndings("\n").Trim();
        if (note?.Length > TrustPatternReflection.NoteLength)
        {
            return ServiceError.Invalid("Note", $"A note can be up to {TrustPatternReflection.NoteLength:N0} characters. Yours is {note.Length:N0}.");
        }

        var month = ThisMonth;
        // Inside one write transaction, so two saves in the same month find each other instead of racing the unique index.
        await using var transaction = await db.Database.BeginTransactionAsync();
        var reflection = await db.TrustPatternReflections.SingleOrDefaultAsync(r => r.AuthorId == authorId && r.Month == month);
        if (reflection is null)
        {
            reflection = new TrustPatternReflection(authorId, month, input.Ratings, note, input.ShareableWithTherapist, Now);
            db.TrustPatternReflections.Add(reflection);
        }
        else
        {
            reflection.Change(input.Ratings, note, input.ShareableWithTherapist, Now);
        }

        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        logger.LogInformation("User {UserId} saved trust-pattern reflection {ReflectionId}", authorId, reflection.Id);
        return reflection.Id;
    }

    public async Task<Result> SetShareableAsync(string authorId, int id, bool shareable)
    {
        var reflection = await db.TrustPatternReflections.SingleOrDefaultAsync(r => r.Id == id && r.AuthorId == authorId);
        if (reflection is null)
        {
            return ServiceError.NotFound("reflection");
        }

        reflection.SetShareable(shareable, Now);
        await db.SaveChangesAsync();
        logger.LogInformation("User {UserId} set reflection {ReflectionId} shareable={Shareable}", authorId, id, shareable);
        return Result.Ok;
    }

    // Twelve calendar months ending with this one: the ratings are projected and averaged in SQL, notes are never read.
    public async Task<Trend> GetTrendAsync(string authorId, CancellationToken ct = default)
    {
        var last = ThisMonth;
        var first = last.AddMonths(-(TrendMonths - 1));
        var window = db.TrustPatternReflections.AsNoTracking()
            .Where(r => r.AuthorId == authorId && r.Month >= first && r.Month <= last);

        var reflected = await window
            .OrderBy(r => r.Month)
            .Select(r => new TrendMonth(r.Id, r.Month, new PatternRatings(
                r.CheckingForReassurance, r.AvoidingVulnerability, r.ReadingThreats, r.TensionOverTimeApart,
                r.DoubtingApologies, r.Overthinking, r.GettingDefensive, r.Jealousy, r.PullingAway)))
            .ToListAsync(ct);

        var averages = await window
            .GroupBy(r => r.AuthorId)
            .Select(g => new PatternAverages(
                g.Count(),
                g.Average(r => (double)r.CheckingForReassurance),
                g.Average(r => (double)r.AvoidingVulnerability),
                g.Average(r => (double)r.ReadingThreats),
                g.Average(r => (double)r.TensionOverTimeApart),
                g.Average(r => (double)r.DoubtingApologies),
                g.Average(r => (double)r.Overthinking),
                g.Average(r => (double)r.GettingDefensive),
                g.Average(r => (double)r.Jealousy),
                g.Average(r => (double)r.PullingAway)))
            .SingleOrDefaultAsync(ct);

        var months = Enumerable.Range(0, TrendMonths).Select(first.AddMonths).ToList();
        return new Trend(months, reflected, averages);
    }
}
