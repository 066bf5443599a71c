using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TrustCheckIn.Expectations;

namespace TrustCheckIn.Data.Configurations;

public sealed class ExpectationConfiguration : IEntityTypeConfiguration<Expectation>
{
    public void Configure(EntityTypeBuilder<Expectation> builder)
    {
        builder.Property(e => e.Need).HasMaxLength(ExpectationContent.NeedLength).IsRequired();
        builder.Property(e => e.Action).HasMaxLength(ExpectationContent.ActionLength).IsRequired();
        builder.Property(e => e.CustomFrequency).HasMaxLength(ExpectationContent.CustomFrequencyLength);
        builder.Property(e => e.StarterKey).HasMaxLength(40);
        builder.Property(e => e.Version).IsConcurrencyToken();
        builder.HasOne(e => e.Couple).WithMany().HasForeignKey(e => e.CoupleId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(e => new { e.CoupleId, e.Position });
        // A starter row exists once per couple, removed or not: adding the set again never doubles it.
        builder.HasIndex(e => new { e.CoupleId, e.StarterKey }).IsUnique().HasFilter("\"StarterKey\" IS NOT NULL");
        builder.Ignore(e => e.Content);
        builder.Ignore(e => e.IsRemoved);
    }
}
