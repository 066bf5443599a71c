using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TrustCheckIn.Couples;

namespace TrustCheckIn.Data.Configurations;

public sealed class InvitationConfiguration : IEntityTypeConfiguration<Invitation>
{
    public void Configure(EntityTypeBuilder<Invitation> builder)
    {
        builder.Property(i => i.Code).HasMaxLength(Invitation.CodeLength).IsRequired();
        builder.HasIndex(i => i.Code).IsUnique();
        builder.Property(i => i.TimeZoneId).HasMaxLength(64).IsRequired();
        builder.HasIndex(i => new { i.InviterId, i.ExpiresAt });
        // Erasure clears the person's name from invitations they accepted.
        builder.HasIndex(i => i.AcceptedById);
        builder.HasOne(i => i.Inviter).WithMany().HasForeignKey(i => i.InviterId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(i => i.Couple).WithMany().HasForeignKey(i => i.CoupleId).OnDelete(DeleteBehavior.SetNull);
    }
}
