using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TrustCheckIn.Couples;
using TrustCheckIn.Expectations;

namespace TrustCheckIn.Data.Configurations;

public sealed class FollowThroughConfiguration : IEntityTypeConfiguration<FollowThrough>
{
    public void Configure(EntityTypeBuilder<FollowThrough> builder)
    {
        builder.Property(f => f.DoneById).HasMaxLength(450).IsRequired();
        builder.Property(f => f.NoticedById).HasMaxLength(450);
        builder.Property(f => f.Note).HasMaxLength(FollowThrough.NoteLength);
        builder.HasOne(f => f.Expectation).WithMany().HasForeignKey(f => f.ExpectationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Couple>().WithMany().HasForeignKey(f => f.CoupleId).OnDelete(DeleteBehavior.Cascade);
        // Counts over the last weeks, per row: done, and done and noticed, both from the index alone (a count of the
        // noticed ones would otherwise read every row of the weeks).
        builder.HasIndex(f => new { f.ExpectationId, f.DoneAt, f.NoticedAt });
        builder.HasIndex(f => f.CoupleId);
        // Erasure finds a person's rows by who did and who noticed.
        builder.HasIndex(f => f.DoneById);
        builder.HasIndex(f => f.NoticedById);
    }
}
