using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TrustCheckIn.Couples;

namespace TrustCheckIn.Data.Configurations;

public sealed class CoupleConfiguration : IEntityTypeConfiguration<Couple>
{
    public void Configure(EntityTypeBuilder<Couple> builder)
    {
        builder.Property(c => c.TimeZoneId).HasMaxLength(64).IsRequired();
        builder.HasOne(c => c.PartnerA).WithMany().HasForeignKey(c => c.PartnerAId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(c => c.PartnerB).WithMany().HasForeignKey(c => c.PartnerBId).OnDelete(DeleteBehavior.Restrict);
        // At most one active couple per person in each seat; the service checks across seats inside a write transaction.
        builder.HasIndex(c => c.PartnerAId).IsUnique().HasFilter("\"ClosedAt\" IS NULL").HasDatabaseName("IX_Couples_ActivePartnerA");
        builder.HasIndex(c => c.PartnerBId).IsUnique().HasFilter("\"ClosedAt\" IS NULL").HasDatabaseName("IX_Couples_ActivePartnerB");
        // Plain (not filtered) indexes for "partner A or partner B": SQLite answers the OR with two index searches
        // only when neither side is a partial index, so the couple lookup never scans.
        builder.HasIndex(c => new { c.PartnerAId, c.ClosedAt });
        builder.HasIndex(c => new { c.PartnerBId, c.ClosedAt });
        builder.Ignore(c => c.Schedule);
    }
}
