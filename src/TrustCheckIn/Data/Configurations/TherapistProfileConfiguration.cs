using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TrustCheckIn.Accounts;
using TrustCheckIn.Therapy;

namespace TrustCheckIn.Data.Configurations;

public sealed class TherapistProfileConfiguration : IEntityTypeConfiguration<TherapistProfile>
{
    public void Configure(EntityTypeBuilder<TherapistProfile> builder)
    {
        builder.Property(p => p.DisplayName).HasMaxLength(TherapistProfile.NameLength).IsRequired();
        builder.Property(p => p.PracticeName).HasMaxLength(TherapistProfile.PracticeLength).IsRequired();
        builder.Property(p => p.Licence).HasMaxLength(TherapistProfile.LicenceLength);
        builder.Property(p => p.LinkCode).HasMaxLength(TherapistProfile.LinkCodeLength).IsRequired();
        builder.HasIndex(p => p.LinkCode).IsUnique();
        builder.HasIndex(p => p.UserId).IsUnique();
        builder.HasOne<AppUser>().WithMany().HasForeignKey(p => p.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
