using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TrustCheckIn.CheckIns;

namespace TrustCheckIn.Data.Configurations;

public sealed class CheckInReplyConfiguration : IEntityTypeConfiguration<CheckInReply>
{
    public void Configure(EntityTypeBuilder<CheckInReply> builder)
    {
        builder.Property(r => r.Text).HasMaxLength(CheckInReply.TextLength).IsRequired();
        // One reply per partner per check-in; replying again changes it.
        builder.HasIndex(r => new { r.CheckInId, r.AuthorId }).IsUnique();
        builder.HasOne(r => r.CheckIn).WithMany().HasForeignKey(r => r.CheckInId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(r => r.Author).WithMany().HasForeignKey(r => r.AuthorId).OnDelete(DeleteBehavior.Cascade);
    }
}
