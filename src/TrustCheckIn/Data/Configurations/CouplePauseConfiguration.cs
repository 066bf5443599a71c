using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TrustCheckIn.Couples;

namespace TrustCheckIn.Data.Configurations;

public sealed class CouplePauseConfiguration : IEntityTypeConfiguration<CouplePause>
{
    public void Configure(EntityTypeBuilder<CouplePause> builder)
    {
        // Every read starts from the couple (home, history, reminders); the rowid in the index serves "latest first".
        builder.HasIndex(p => p.CoupleId);
        builder.Property(p => p.ProposedById).HasMaxLength(450).IsRequired();
        builder.Property(p => p.EndedEarlyById).HasMaxLength(450);
        builder.HasOne(p => p.Couple).WithMany().HasForeignKey(p => p.CoupleId).OnDelete(DeleteBehavior.Cascade);
    }
}
