using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TrustCheckIn.Feelings;

namespace TrustCheckIn.Data.Configurations;

public sealed class FeelingStatementConfiguration : IEntityTypeConfiguration<FeelingStatement>
{
    public void Configure(EntityTypeBuilder<FeelingStatement> builder)
    {
        builder.Property(s => s.Feeling).HasMaxLength(FeelingStatement.FeelingLength).IsRequired();
        builder.Property(s => s.Situation).HasMaxLength(FeelingStatement.SituationLength).IsRequired();
        builder.Property(s => s.Need).HasMaxLength(FeelingStatement.NeedLength);
        builder.Property(s => s.Reply).HasMaxLength(FeelingStatement.ReplyLength);
        builder.Property(s => s.Version).IsConcurrencyToken();
        builder.Ignore(s => s.State);
        builder.Ignore(s => s.CanWithdraw);
        // The three lists: my drafts and shared by me (author), shared with me (couple, shared).
        builder.HasIndex(s => new { s.AuthorId, s.SharedAt, s.UpdatedAt });
        builder.HasIndex(s => new { s.CoupleId, s.SharedAt });
        builder.HasOne(s => s.Couple).WithMany().HasForeignKey(s => s.CoupleId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(s => s.Author).WithMany().HasForeignKey(s => s.AuthorId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(s => s.AcknowledgedBy).WithMany().HasForeignKey(s => s.AcknowledgedById).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne(s => s.TalkedAboutBy).WithMany().HasForeignKey(s => s.TalkedAboutById).OnDelete(DeleteBehavior.SetNull);
    }
}
