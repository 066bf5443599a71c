using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TrustCheckIn.Notifications;

namespace TrustCheckIn.Data.Configurations;

public sealed class NotificationDigestConfiguration : IEntityTypeConfiguration<NotificationDigest>
{
    public void Configure(EntityTypeBuilder<NotificationDigest> builder)
    {
        // "Had a mail in the last 15 minutes?"
        builder.HasIndex(d => new { d.UserId, d.Channel, d.ClaimedAt });
        // The mailer's "what is ready to send" read.
        builder.HasIndex(d => new { d.Status, d.NextAttemptAt });
        builder.Property(d => d.Version).IsConcurrencyToken();
        builder.HasOne(d => d.User).WithMany().HasForeignKey(d => d.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
