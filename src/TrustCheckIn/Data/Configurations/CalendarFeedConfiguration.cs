using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TrustCheckIn.Reminders;

namespace TrustCheckIn.Data.Configurations;

public sealed class CalendarFeedConfiguration : IEntityTypeConfiguration<CalendarFeed>
{
    public void Configure(EntityTypeBuilder<CalendarFeed> builder)
    {
        builder.Property(f => f.TokenHash).HasMaxLength(CalendarFeed.HashLength);
        // The feed is found by the hash of the token in its URL; one address per person.
        builder.HasIndex(f => f.TokenHash).IsUnique();
        builder.HasIndex(f => f.UserId).IsUnique();
        builder.HasOne(f => f.User).WithMany().HasForeignKey(f => f.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
