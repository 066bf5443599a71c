using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TrustCheckIn.Reminders;

namespace TrustCheckIn.Data.Configurations;

public sealed class ReminderDeliveryConfiguration : IEntityTypeConfiguration<ReminderDelivery>
{
    public void Configure(EntityTypeBuilder<ReminderDelivery> builder)
    {
        builder.Property(d => d.PeriodKey).HasMaxLength(ReminderDelivery.PeriodKeyLength);
        // Exactly once: whichever run inserts this row first is the one that sends the reminder.
        builder.HasIndex(d => new { d.UserId, d.Kind, d.PeriodKey }).IsUnique();
        // The dispatcher's "what is ready to send" read.
        builder.HasIndex(d => new { d.Status, d.NextAttemptAt });
        builder.Property(d => d.Version).IsConcurrencyToken();
        builder.HasOne(d => d.User).WithMany().HasForeignKey(d => d.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
