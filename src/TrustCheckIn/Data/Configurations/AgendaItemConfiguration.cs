using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TrustCheckIn.Couples;
using TrustCheckIn.Therapy;

namespace TrustCheckIn.Data.Configurations;

public sealed class AgendaItemConfiguration : IEntityTypeConfiguration<AgendaItem>
{
    public void Configure(EntityTypeBuilder<AgendaItem> builder)
    {
        builder.Property(a => a.AuthorId).HasMaxLength(450).IsRequired();
        builder.HasOne<Couple>().WithMany().HasForeignKey(a => a.CoupleId).OnDelete(DeleteBehavior.Cascade);
        // Every page reads one couple's open items first (the dashboard several couples'); export and erasure read an author's.
        builder.HasIndex(a => new { a.CoupleId, a.TalkedAboutAt });
        builder.HasIndex(a => a.AuthorId);
    }
}
