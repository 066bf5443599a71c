using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TrustCheckIn.Couples;
using TrustCheckIn.Expectations;

namespace TrustCheckIn.Data.Configurations;

public sealed class ExpectationTableConfiguration : IEntityTypeConfiguration<ExpectationTable>
{
    public void Configure(EntityTypeBuilder<ExpectationTable> builder)
    {
        builder.Property(t => t.ReviewConfirmedById).HasMaxLength(450);
        builder.Property(t => t.Version).IsConcurrencyToken();
        builder.HasOne<Couple>().WithMany().HasForeignKey(t => t.CoupleId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(t => t.CoupleId).IsUnique();
    }
}
