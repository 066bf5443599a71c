using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TrustCheckIn.Notifications;

namespace TrustCheckIn.Data.Configurations;

public sealed class PushDeviceConfiguration : IEntityTypeConfiguration<PushDevice>
{
    public void Configure(EntityTypeBuilder<PushDevice> builder)
    {
        builder.Property(d => d.Endpoint).HasMaxLength(PushDevice.EndpointLength);
        builder.Property(d => d.P256dh).HasMaxLength(PushDevice.KeyLength);
        builder.Property(d => d.Auth).HasMaxLength(PushDevice.KeyLength);
        builder.HasIndex(d => d.Endpoint).IsUnique();
        builder.HasIndex(d => d.UserId);
        builder.HasOne(d => d.User).WithMany().HasForeignKey(d => d.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
