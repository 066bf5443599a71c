using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TrustCheckIn.Accounts;
using TrustCheckIn.Couples;
using TrustCheckIn.Therapy;

namespace TrustCheckIn.Data.Configurations;

public sealed class TherapistLinkConfiguration : IEntityTypeConfiguration<TherapistLink>
{
    public void Configure(EntityTypeBuilder<TherapistLink> builder)
    {
        builder.HasOne<Couple>().WithMany().HasForeignKey(l => l.CoupleId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(l => l.TherapistId).OnDelete(DeleteBehavior.Cascade);
        // One active therapist per couple.
        builder.HasIndex(l => l.CoupleId).IsUnique().HasFilter("\"UnlinkedAt\" IS NULL").HasDatabaseName("IX_TherapistLinks_ActiveCouple");
        builder.HasIndex(l => new { l.TherapistId, l.UnlinkedAt });
        // Every link of a couple, ended ones too (export, erasure); the filtered index above holds only active ones.
        builder.HasIndex(l => new { l.CoupleId, l.LinkedAt });
        builder.Ignore(l => l.IsActive);
    }
}
