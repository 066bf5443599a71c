using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TrustCheckIn.Conversations;

namespace TrustCheckIn.Data.Configurations;

public sealed class SharedStepConfiguration : IEntityTypeConfiguration<SharedStep>
{
    public void Configure(EntityTypeBuilder<SharedStep> builder)
    {
        builder.Property(s => s.Text).HasMaxLength(SharedStep.TextLength).IsRequired();
        builder.Property(s => s.AddedById).HasMaxLength(450).IsRequired();
        // One kept step per couple-week, even when both phones press "Keep" at once; the history reads a couple's weeks.
        builder.HasIndex(s => new { s.CoupleId, s.WeekKey }).IsUnique();
        builder.HasIndex(s => s.AddedById);
        builder.HasOne(s => s.Couple).WithMany().HasForeignKey(s => s.CoupleId).OnDelete(DeleteBehavior.Cascade);
    }
}
