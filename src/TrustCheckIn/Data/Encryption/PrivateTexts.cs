using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using TrustCheckIn.CheckIns;
using TrustCheckIn.Conversations;
using TrustCheckIn.Expectations;
using TrustCheckIn.Feelings;
using TrustCheckIn.Journal;
using TrustCheckIn.Therapy;

namespace TrustCheckIn.Data.Encryption;

// Every column that holds a person's own words, and whose data key encrypts it: its writer's, or the
// couple's for what the two keep together. The one list the converters, the saving and the start-up
// encryption read; a test fails when an entity gains a string column that is in neither list.
public static class PrivateTexts
{
    public sealed record Column(Type Entity, string Property, string OwnerProperty, bool OwnedByCouple)
    {
        public string OwnerOf(object? ownerValue) => ownerValue switch
        {
            int coupleId when OwnedByCouple => TextKeyRing.CoupleOwner(coupleId),
            string { Length: > 0 } userId when !OwnedByCouple => TextKeyRing.UserOwner(userId),
            _ => throw new InvalidOperationException($"{Entity.Name}.{Property} has words but no {OwnerProperty} to choose their key."),
        };
    }

    public static IReadOnlyList<Column> Columns { get; } =
    [
        WrittenBy<CheckIn>(nameof(CheckIn.WentWell), nameof(CheckIn.AuthorId)),
        WrittenBy<CheckIn>(nameof(CheckIn.OnMyMind), nameof(CheckIn.AuthorId)),
        WrittenBy<CheckIn>(nameof(CheckIn.SmallStep), nameof(CheckIn.AuthorId)),
        WrittenBy<CheckInReply>(nameof(CheckInReply.Text), nameof(CheckInReply.AuthorId)),
        WrittenBy<FeelingStatement>(nameof(FeelingStatement.Feeling), nameof(FeelingStatement.AuthorId)),
        WrittenBy<FeelingStatement>(nameof(FeelingStatement.Situation), nameof(FeelingStatement.AuthorId)),
        WrittenBy<FeelingStatement>(nameof(FeelingStatement.Need), nameof(FeelingStatement.AuthorId)),
        // The reply is the partner's words on the author's statement: the partner's key.
        WrittenBy<FeelingStatement>(nameof(FeelingStatement.Reply), nameof(FeelingStatement.AcknowledgedById)),
        WrittenBy<FollowThrough>(nameof(FollowThrough.Note), nameof(FollowThrough.DoneById)),
        WrittenBy<JournalEntry>(nameof(JournalEntry.Text), nameof(JournalEntry.AuthorId)),
        WrittenBy<SelfTrustChecklist>(nameof(SelfTrustChecklist.CoreValues), nameof(SelfTrustChecklist.AuthorId)),
        WrittenBy<SelfTrustChecklist>(nameof(SelfTrustChecklist.Boundaries), nameof(SelfTrustChecklist.AuthorId)),
        WrittenBy<TrustPatternReflection>(nameof(TrustPatternReflection.Note), nameof(TrustPatternReflection.AuthorId)),
        // A therapist's reason for asking: their words, their key.
        WrittenBy<ConsentRequest>(nameof(ConsentRequest.Reason), nameof(ConsentRequest.TherapistId)),
        WrittenBy<AgendaItem>(nameof(AgendaItem.Text), nameof(AgendaItem.AuthorId)),
        WrittenBy<PracticeResponse>(nameof(PracticeResponse.Line), nameof(PracticeResponse.AuthorId)),
        // A practice is written into the couple's space: the couple's key, so it outlives the therapist's account.
        OfCouple<Practice>(nameof(Practice.Text)),
        // Agreed together at the end of talking a week through: the couple's key, like the expectations table.
        OfCouple<SharedStep>(nameof(SharedStep.Text)),
        OfCouple<Expectation>(nameof(Expectation.Need)),
        OfCouple<Expectation>(nameof(Expectation.Action)),
        OfCouple<Expectation>(nameof(Expectation.CustomFrequency)),
        OfCouple<ExpectationRevision>(nameof(ExpectationRevision.BeforeNeed)),
        OfCouple<ExpectationRevision>(nameof(ExpectationRevision.BeforeAction)),
        OfCouple<ExpectationRevision>(nameof(ExpectationRevision.BeforeCustomFrequency)),
        OfCouple<ExpectationRevision>(nameof(ExpectationRevision.AfterNeed)),
        OfCouple<ExpectationRevision>(nameof(ExpectationRevision.AfterAction)),
        OfCouple<ExpectationRevision>(nameof(ExpectationRevision.AfterCustomFrequency)),
    ];

    // String columns that are not anyone's words, and why they stay readable to the database.
    public static IReadOnlyDictionary<string, string> NotWords { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["*Id"] = "Ids: they join rows and are matched in SQL.",
        ["Couple.TimeZoneId"] = "A time-zone name the couple picked from a list.",
        ["Invitation.Code"] = "A one-time code looked up by equality; it says nothing about anyone.",
        ["DataKey.Owner"] = "Whose key (\"user:\" or \"couple:\" and an id), looked up by equality.",
        ["DataKey.Wrapped"] = "A data key wrapped by the master key, which the database never holds.",
        ["DeployStep.Name"] = "The name of a one-time deploy step the app defines.",
        ["Invitation.TimeZoneId"] = "A time-zone name picked from a list.",
        ["Expectation.StarterKey"] = "The name of a built-in starter row, unique per couple.",
        ["AccessLogEntry.TherapistName"] = "A professional's name, shown to the couple as who looked.",
        ["TherapistProfile.DisplayName"] = "A professional's public name, shown to couples who link.",
        ["TherapistProfile.PracticeName"] = "A professional's practice, shown to couples who link.",
        ["TherapistProfile.Licence"] = "A professional's licence reference, shown to couples who link.",
        ["TherapistProfile.LinkCode"] = "A link code looked up by equality.",
        ["CalendarFeed.TokenHash"] = "A hash looked up by equality.",
        ["ReminderDelivery.PeriodKey"] = "Which week or month a reminder is for; part of a unique index.",
        ["AppUser.DisplayName"] = "The name partners and therapists see; Identity's own columns stay as Identity keeps them.",
        ["AppUser.Locale"] = "A place name picked from a list for date formats.",
        ["Notification.Url"] = "A path inside the app to open; notifications never hold anyone's words.",
        ["PushDevice.Endpoint"] = "The push service's address for a device, given by the browser.",
        ["PushDevice.P256dh"] = "A device's public key for encrypting pushes, given by the browser.",
        ["PushDevice.Auth"] = "A device's push secret, given by the browser; pushes carry only a kind and a path.",
    };

    private static readonly Dictionary<Type, Column[]> ByEntity = Columns.GroupBy(c => c.Entity).ToDictionary(g => g.Key, g => g.ToArray());

    public static IReadOnlyList<Column> Of(Type entity) => ByEntity.TryGetValue(entity, out var columns) ? columns : [];

    // The length limits are on the words a person types; sealed they are longer (prefix, key id, nonce, tag, base64).
    // SQLite ignores a declared length; on PostgreSQL the column is unbounded text rather than varchar(n).
    public static void Apply(ModelBuilder builder, TextKeyRing keys, bool unboundedColumns)
    {
        var converter = new PrivateTextConverter(keys);
        foreach (var column in Columns)
        {
            var property = builder.Entity(column.Entity).Property(column.Property).HasConversion(converter);
            if (unboundedColumns)
            {
                property.HasColumnType("text");
            }
        }
    }

    public static string OwnerOf(EntityEntry entry, Column column) => column.OwnerOf(entry.Property(column.OwnerProperty).CurrentValue);

    private static Column WrittenBy<T>(string property, string author) => new(typeof(T), property, author, OwnedByCouple: false);

    private static Column OfCouple<T>(string property) => new(typeof(T), property, "CoupleId", OwnedByCouple: true);
}
