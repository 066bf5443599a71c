using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TrustCheckIn.Therapy;

namespace TrustCheckIn.Data.Configurations;

public sealed class ConsentConfiguration : IEntityTypeConfiguration<Consent>
{
    public void Configure(EntityTypeBuilder<Consent> builder)
    {
        builder.Property(c => c.Scopes).HasMaxLength(64);
        builder.HasOne<TherapistLink>().WithMany().HasForeignKey(c => c.LinkId).OnDelete(DeleteBehavior.Cascade);
        // One standing consent per partner per link; changes revoke and add a row.
        builder.HasIndex(c => new { c.LinkId, c.PartnerId }).IsUnique().HasFilter("\"RevokedAt\" IS NULL").HasDatabaseName("IX_Consents_Standing");
        // A partner's own consents (export, erasure), and a link's for the foreign key: the filtered index cannot serve either.
        builder.HasIndex(c => c.PartnerId);
        builder.HasIndex(c => c.LinkId);
    }
}
