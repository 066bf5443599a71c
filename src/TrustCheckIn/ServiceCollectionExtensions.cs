using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using TrustCheckIn.Accounts;
using TrustCheckIn.CheckIns;
using TrustCheckIn.Conversations;
using TrustCheckIn.Couples;
using TrustCheckIn.Data;
using TrustCheckIn.Data.Encryption;
using TrustCheckIn.Email;
using TrustCheckIn.Therapy;
using TrustCheckIn.Journal;
using TrustCheckIn.Operations;
using TrustCheckIn.Expectations;
using TrustCheckIn.Feelings;
using TrustCheckIn.Notifications;
using TrustCheckIn.Reminders;

namespace TrustCheckIn;

public static class ServiceCollectionExtensions
{
    public static IServiceCollection AddTrustCheckIn(this IServiceCollection services, IConfiguration configuration, string contentRootPath)
    {
        var dataFolder = new DataFolder(configuration, contentRootPath);
        services.AddSingleton(dataFolder);
        var database = new DatabaseSettings(configuration, dataFolder);
        services.AddSingleton(database);
        // Keys live beside the database, or in it when instances share it, so sign-in cookies survive a restart
        // and every instance opens the others' cookies and forms.
        var dataProtection = services.AddDataProtection().SetApplicationName("TrustCheckIn");
        if (SharedState.KeysInDatabase(configuration))
        {
            dataProtection.PersistKeysToDbContext<AppDbContext>();
        }
        else
        {
            dataProtection.PersistKeysToFileSystem(new DirectoryInfo(dataFolder.Combine("keys")));
        }

        services.AddSingleton<SqlitePragmas>();
        services.AddSingleton<PostgresWriteLock>();
        services.AddSingleton(TextKeyRing.For);
        // Pooled: a request reuses a configured context instead of building one (the session check runs on every request).
        services.AddDbContextPool<AppDbContext>((provider, options) =>
        {
            database.Use(options).UseTextEncryption(provider.GetRequiredService<TextKeyRing>());
            options.AddInterceptors(database.IsSqlite ? provider.GetRequiredService<SqlitePragmas>() : provider.GetRequiredService<PostgresWriteLock>());
        });
        services.TryAddSingleton(TimeProvider.System);

        services.Configure<EmailOptions>(configuration.GetSection(EmailOptions.Section));
        if (!string.IsNullOrWhiteSpace(configuration[$"{EmailOptions.Section}:Host"]))
        {
            services.AddSingleton<IEmailSender, SmtpEmailSender>();
        }
        else
        {
            services.AddSingleton<IEmailSender, OutboxEmailSender>();
        }

        services.AddSingleton<BackgroundQueue>();
        services.AddHostedService(provider => provider.GetRequiredService<BackgroundQueue>());

        services.AddScoped<AccountService>();
        services.AddScoped<SessionStamps>();
        services.AddScoped<PersonalSettingsService>();
        services.AddScoped<TherapistApprovalService>();
        services.AddScoped<PersonalDataService>();
        services.AddScoped<CoupleService>();
        services.AddScoped<HomeService>();
        services.AddScoped<PauseService>();
        services.AddScoped<PartnerConsentService>();
        services.AddScoped<ConsentRequestService>();
        services.AddScoped<AgendaService>();
        services.AddScoped<PracticeService>();
        services.AddScoped<TherapistSessionService>();
        services.AddScoped<TherapistProfileService>();
        services.AddScoped<TherapistReadingService>();
        services.AddScoped<JournalService>();
        services.AddScoped<ReflectionService>();
        services.AddScoped<ExpectationService>();
        services.AddScoped<ExpectationReviewService>();
        services.AddScoped<FollowThroughService>();
        services.AddScoped<FeelingService>();
        services.AddScoped<CheckInService>();
        services.AddScoped<ConversationService>();
        services.AddScoped<CheckInTrendService>();
        services.AddScoped<NotificationService>();
        services.AddScoped<NotificationSettingsService>();

        services.Configure<AppOptions>(configuration.GetSection(AppOptions.Section));
        services.AddSingleton<UnsubscribeTokens>();
        services.AddScoped<ReminderService>();
        services.AddScoped<CalendarFeedService>();
        services.AddSingleton<ReminderDispatcher>();
        services.AddSingleton<NotificationMailer>();
        services.AddSingleton<VapidKeys>();
        services.AddScoped<PushDeviceService>();
        services.AddSingleton(provider => ActivatorUtilities.CreateInstance<NotificationPusher>(provider, new HttpClient { Timeout = TimeSpan.FromSeconds(30) }));
        if (configuration.GetValue("Reminders:Enabled", true))
        {
            services.AddHostedService<ReminderWorker>();
            services.AddHostedService<NotificationWorker>();
        }

        return services;
    }
}
