using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TrustCheckIn.Therapy;

namespace TrustCheckIn.Data.Configurations;

public sealed class ConsentRequestConfiguration : IEntityTypeConfiguration<ConsentRequest>
{
    public void Configure(EntityTypeBuilder<ConsentRequest> builder)
    {
        builder.Property(r => r.Scope).HasMaxLength(64);
        builder.HasOne<TherapistLink>().WithMany().HasForeignKey(r => r.LinkId).OnDelete(DeleteBehavior.Cascade);
        // One open request per partner and scope on a link, held by the database against two quick clicks.
        builder.HasIndex(r => new { r.LinkId, r.PartnerId, r.Scope }).IsUnique().HasFilter("\"AnsweredAt\" IS NULL").HasDatabaseName("IX_ConsentRequests_Open");
        // A link's requests for its pages and the foreign key; a partner's or a therapist's for export and erasure.
        builder.HasIndex(r => r.LinkId);
        builder.HasIndex(r => r.PartnerId);
        builder.HasIndex(r => r.TherapistId);
    }
}
