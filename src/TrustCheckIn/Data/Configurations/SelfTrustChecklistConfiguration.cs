using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TrustCheckIn.Journal;

namespace TrustCheckIn.Data.Configurations;

public sealed class SelfTrustChecklistConfiguration : IEntityTypeConfiguration<SelfTrustChecklist>
{
    public void Configure(EntityTypeBuilder<SelfTrustChecklist> builder)
    {
        builder.Property(c => c.CoreValues).HasMaxLength(SelfTrustChecklist.CoreValuesLength).IsRequired();
        builder.Property(c => c.Boundaries).HasMaxLength(SelfTrustChecklist.BoundariesLength).IsRequired();
        builder.HasIndex(c => c.AuthorId).IsUnique();
        builder.HasOne(c => c.Author).WithMany().HasForeignKey(c => c.AuthorId).OnDelete(DeleteBehavior.Cascade);
    }
}
