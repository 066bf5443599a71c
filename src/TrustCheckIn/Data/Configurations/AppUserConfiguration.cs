using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TrustCheckIn.Accounts;

namespace TrustCheckIn.Data.Configurations;

public sealed class AppUserConfiguration : IEntityTypeConfiguration<AppUser>
{
    public void Configure(EntityTypeBuilder<AppUser> builder)
    {
        builder.Property(u => u.DisplayName).HasMaxLength(AccountLimits.DisplayNameLength).IsRequired();
        builder.HasIndex(u => u.TherapistStatus);
        builder.Property(u => u.Locale).HasMaxLength(PersonalSettings.LocaleLength);
    }
}
