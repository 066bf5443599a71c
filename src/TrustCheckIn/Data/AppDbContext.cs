using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using TrustCheckIn.Accounts;
using TrustCheckIn.CheckIns;
using TrustCheckIn.Conversations;
using TrustCheckIn.Couples;
using TrustCheckIn.Data.Encryption;
using TrustCheckIn.Therapy;
using TrustCheckIn.Journal;
using TrustCheckIn.Expectations;
using TrustCheckIn.Feelings;
using TrustCheckIn.Notifications;
using TrustCheckIn.Reminders;

namespace TrustCheckIn.Data;

public sealed class AppDbContext(DbContextOptions<AppDbContext> options) : IdentityDbContext<AppUser>(options), IDataProtectionKeyContext
{
    public DbSet<Couple> Couples => Set<Couple>();

    public DbSet<Invitation> Invitations => Set<Invitation>();

    public DbSet<CouplePause> CouplePauses => Set<CouplePause>();

    public DbSet<SharedStep> SharedSteps => Set<SharedStep>();

    public DbSet<TherapistProfile> TherapistProfiles => Set<TherapistProfile>();

    public DbSet<TherapistLink> TherapistLinks => Set<TherapistLink>();

    public DbSet<Consent> Consents => Set<Consent>();

    public DbSet<ConsentRequest> ConsentRequests => Set<ConsentRequest>();

    public DbSet<AgendaItem> AgendaItems => Set<AgendaItem>();

    public DbSet<Practice> Practices => Set<Practice>();

    public DbSet<PracticeResponse> PracticeResponses => Set<PracticeResponse>();

    public DbSet<AccessLogEntry> AccessLog => Set<AccessLogEntry>();

    public DbSet<JournalEntry> JournalEntries => Set<JournalEntry>();

    public DbSet<SelfTrustChecklist> SelfTrustChecklists => Set<SelfTrustChecklist>();

    public DbSet<TrustPatternReflection> TrustPatternReflections => Set<TrustPatternReflection>();

    public DbSet<Expectation> Expectations => Set<Expectation>();

    public DbSet<ExpectationRevision> ExpectationRevisions => Set<ExpectationRevision>();

    public DbSet<ExpectationTable> ExpectationTables => Set<ExpectationTable>();

    public DbSet<FollowThrough> FollowThroughs => Set<FollowThrough>();

    public DbSet<FeelingStatement> FeelingStatements => Set<FeelingStatement>();

    public DbSet<CheckIn> CheckIns => Set<CheckIn>();

    public DbSet<CheckInReply> CheckInReplies => Set<CheckInReply>();

    public DbSet<ReminderPreference> ReminderPreferences => Set<ReminderPreference>();

    public DbSet<ReminderDelivery> ReminderDeliveries => Set<ReminderDelivery>();

    public DbSet<CalendarFeed> CalendarFeeds => Set<CalendarFeed>();

    public DbSet<Notification> Notifications => Set<Notification>();

    public DbSet<NotificationSettings> NotificationSettings => Set<NotificationSettings>();

    public DbSet<NotificationDigest> NotificationDigests => Set<NotificationDigest>();

    public DbSet<PushDevice> PushDevices => Set<PushDevice>();

    // Used only when keys are shared (SharedState); otherwise both key rings stay in files beside the database.
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public DbSet<DataKey> DataKeys => Set<DataKey>();

    public DbSet<DeployStep> DeploySteps => Set<DeployStep>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);
        PrivateTexts.Apply(builder, TextEncryptionOptions.KeysOf(this.GetService<IDbContextOptions>()), unboundedColumns: Database.IsNpgsql());
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<Enum>().HaveConversion<string>().HaveMaxLength(32);
    }
}
