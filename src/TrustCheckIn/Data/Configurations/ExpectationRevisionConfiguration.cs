using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TrustCheckIn.Couples;
using TrustCheckIn.Expectations;

namespace TrustCheckIn.Data.Configurations;

public sealed class ExpectationRevisionConfiguration : IEntityTypeConfiguration<ExpectationRevision>
{
    public void Configure(EntityTypeBuilder<ExpectationRevision> builder)
    {
        builder.Property(r => r.ChangedById).HasMaxLength(450).IsRequired();
        builder.Property(r => r.BeforeNeed).HasMaxLength(ExpectationContent.NeedLength);
        builder.Property(r => r.BeforeAction).HasMaxLength(ExpectationContent.ActionLength);
        builder.Property(r => r.BeforeCustomFrequency).HasMaxLength(ExpectationContent.CustomFrequencyLength);
        builder.Property(r => r.AfterNeed).HasMaxLength(ExpectationContent.NeedLength);
        builder.Property(r => r.AfterAction).HasMaxLength(ExpectationContent.ActionLength);
        builder.Property(r => r.AfterCustomFrequency).HasMaxLength(ExpectationContent.CustomFrequencyLength);
        builder.HasOne(r => r.Expectation).WithMany().HasForeignKey(r => r.ExpectationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Couple>().WithMany().HasForeignKey(r => r.CoupleId).OnDelete(DeleteBehavior.Cascade);
        // The history page reads a couple's revisions newest first; the undo check looks up a row's latest.
        builder.HasIndex(r => new { r.CoupleId, r.Id });
        builder.HasIndex(r => new { r.ExpectationId, r.Id });
    }
}
