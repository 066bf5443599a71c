using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TrustCheckIn.Couples;
using TrustCheckIn.Therapy;

namespace TrustCheckIn.Data.Configurations;

public sealed class PracticeConfiguration : IEntityTypeConfiguration<Practice>
{
    public void Configure(EntityTypeBuilder<Practice> builder)
    {
        builder.Property(p => p.TherapistId).HasMaxLength(450);
        builder.HasOne<Couple>().WithMany().HasForeignKey(p => p.CoupleId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<TherapistLink>().WithMany().HasForeignKey(p => p.LinkId).OnDelete(DeleteBehavior.Cascade);
        // The couple's newest first (home, the practice page, the therapist's session page); the rowid serves the order.
        builder.HasIndex(p => p.CoupleId);
        builder.HasIndex(p => p.LinkId);
        builder.HasIndex(p => p.TherapistId);
    }
}

public sealed class PracticeResponseConfiguration : IEntityTypeConfiguration<PracticeResponse>
{
    public void Configure(EntityTypeBuilder<PracticeResponse> builder)
    {
        builder.Property(r => r.AuthorId).HasMaxLength(450).IsRequired();
        builder.HasOne<Practice>().WithMany().HasForeignKey(r => r.PracticeId).OnDelete(DeleteBehavior.Cascade);
        // One answer per partner and practice, held by the database against two quick clicks.
        builder.HasIndex(r => new { r.PracticeId, r.AuthorId }).IsUnique();
        builder.HasIndex(r => r.AuthorId);
    }
}
