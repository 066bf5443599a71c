using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using TrustCheckIn.CheckIns;
using TrustCheckIn.Conversations;
using TrustCheckIn.Couples;
using TrustCheckIn.Data;
using TrustCheckIn.Data.Encryption;

namespace TrustCheckIn.Accounts;

public sealed class PersonalDataService(AppDbContext db, UserManager<AppUser> users, TextKeyRing keys, TimeProvider time, ILogger<PersonalDataService> logger)
{
    public async Task<Dictionary<string, IReadOnlyList<object>>> ExportAsync(string userId, CancellationToken ct = default)
    {
        var export = new Dictionary<string, IReadOnlyList<object>>(StringComparer.Ordinal);
        foreach (var rule in PersonalData.Rules.Values.Where(r => r.Export is not null))
        {
            export[rule.Section] = await rule.Export!(db, userId, ct);
        }

        return export;
    }

    // The person's own check-ins, one row per week, for a spreadsheet.
    public async Task<string> CheckInsCsvAsync(string userId, CancellationToken ct = default)
    {
        var rows = await db.CheckIns.AsNoTracking()
            .Where(c => c.AuthorId == userId)
            .OrderBy(c => c.WeekKey)
            .Select(c => new { c.WeekKey, c.WeekStart, c.Trust, c.FeelingHeard, c.Connection, c.FollowThrough, c.EmotionalSafety, c.WentWell, c.OnMyMind, c.SmallStep, c.LastStepOutcome, c.SubmittedAt })
            .ToListAsync(ct);
        var csv = new StringBuilder();
        Csv.AppendRow(csv, ["Week", "Week starts", "Trust", "Feeling heard", "Connection", "Follow-through", "Emotional safety", "What went well", "What is on my mind", "One small thing", "How last week's small thing went", "Submitted (UTC)"]);
        foreach (var r in rows)
        {
            Csv.AppendRow(csv,
            [
                IsoWeek.FromKey(r.WeekKey).ToString(), r.WeekStart.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                Invariant(r.Trust), Invariant(r.FeelingHeard), Invariant(r.Connection), Invariant(r.FollowThrough), Invariant(r.EmotionalSafety),
                r.WentWell, r.OnMyMind, r.SmallStep, r.LastStepOutcome is { } outcome ? TalkPrompts.Outcome(outcome) : "", r.SubmittedAt.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
            ]);
        }

        return csv.ToString();

        static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);
    }

    // Removes or anonymises everything that belongs to the person, ends every session, and leaves no
    // erased text in the database file or its write-ahead log.
    public async Task EraseAsync(string userId)
    {
        var now = time.GetUtcNow().UtcDateTime;
        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            foreach (var rule in PersonalData.Rules.Values.Where(r => r.Erase is not null))
            {
                await rule.Erase!(db, userId, now);
            }

            var user = await users.FindByIdAsync(userId) ?? throw new InvalidOperationException("No such account.");
            var placeholder = PersonalData.ErasedEmail(user.Id);
            user.DisplayName = PersonalData.ErasedName;
            user.Email = placeholder;
            user.NormalizedEmail = placeholder.ToUpperInvariant();
            user.UserName = placeholder;
            user.NormalizedUserName = placeholder.ToUpperInvariant();
            user.EmailConfirmed = false;
            user.PasswordHash = null;
            user.PhoneNumber = null;
            user.TwoFactorEnabled = false;
            user.LockoutEnabled = true;
            user.LockoutEnd = DateTimeOffset.MaxValue;
            user.TherapistStatus = TherapistStatus.None;
            // A new stamp refuses every cookie this person still holds, on its next request.
            user.SecurityStamp = Guid.NewGuid().ToString("N");
            user.ConcurrencyStamp = Guid.NewGuid().ToString("N");
            await db.SaveChangesAsync();
            await transaction.CommitAsync();
        }

        await DestroyKeysAsync(userId);
        if (db.Database.IsSqlite())
        {
            await db.Database.ExecuteSqlRawAsync(SqlitePragmas.Checkpoint);
        }

        logger.LogInformation("Account {UserId} erased", userId);
    }

    // Crypto-shredding, after the rows are gone: the person's data keys, so copies of the database made
    // earlier no longer reveal what they wrote; and a couple's key once both of its partners have erased.
    private async Task DestroyKeysAsync(string userId)
    {
        keys.Destroy(TextKeyRing.UserOwner(userId));
        var bothErased = await db.Couples.AsNoTracking().AnyFor(userId).SeenBy(userId)
            .Where(c => db.Users.Any(u => u.Id == c.PartnerId && u.Email == PersonalData.ErasedEmailPrefix + u.Id + PersonalData.ErasedEmailDomain))
            .Select(c => c.Id)
            .ToListAsync();
        foreach (var coupleId in bothErased)
        {
            keys.Destroy(TextKeyRing.CoupleOwner(coupleId));
        }
    }
}
