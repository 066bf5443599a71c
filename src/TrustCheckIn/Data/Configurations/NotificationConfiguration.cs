using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TrustCheckIn.Notifications;

namespace TrustCheckIn.Data.Configurations;

public sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> builder)
    {
        builder.Property(n => n.Url).HasMaxLength(Notification.UrlLength);
        // The unread count (every page) and "For you": recipient, unread, newest first, from the index alone.
        builder.HasIndex(n => new { n.RecipientId, n.ReadAt, n.CreatedAt });
        // The paged list, read and unread together, newest first.
        builder.HasIndex(n => new { n.RecipientId, n.CreatedAt });
        // Retention: read items older than the cut-off.
        builder.HasIndex(n => n.ReadAt);
        // Erasure clears the erased person's id from other people's items.
        builder.HasIndex(n => n.ActorId);
        // The mailer's "not looked at yet", and a digest's items.
        builder.HasIndex(n => n.EmailDigestId);
        builder.HasIndex(n => n.PushHandled);
        builder.HasOne(n => n.Recipient).WithMany().HasForeignKey(n => n.RecipientId).OnDelete(DeleteBehavior.Cascade);
    }
}
