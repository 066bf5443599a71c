using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TrustCheckIn.Reminders;

namespace TrustCheckIn.Data.Configurations;

public sealed class ReminderPreferenceConfiguration : IEntityTypeConfiguration<ReminderPreference>
{
    public void Configure(EntityTypeBuilder<ReminderPreference> builder)
    {
        // One set of choices per person.
        builder.HasIndex(p => p.UserId).IsUnique();
        builder.HasOne(p => p.User).WithMany().HasForeignKey(p => p.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
