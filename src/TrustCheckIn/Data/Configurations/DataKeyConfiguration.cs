using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TrustCheckIn.Data.Encryption;

namespace TrustCheckIn.Data.Configurations;

public sealed class DataKeyConfiguration : IEntityTypeConfiguration<DataKey>
{
    public void Configure(EntityTypeBuilder<DataKey> builder)
    {
        builder.HasKey(k => k.Id);
        builder.Property(k => k.Id).HasMaxLength(DataKey.IdLength);
        builder.Property(k => k.Owner).HasMaxLength(DataKey.OwnerLength).IsRequired();
        builder.Property(k => k.MasterKeyId).HasMaxLength(DataKey.MasterKeyIdLength).IsRequired();
        builder.Property(k => k.Wrapped).HasMaxLength(DataKey.WrappedLength).IsRequired();
        // An instance that has not met an owner yet asks for its newest key by owner.
        builder.HasIndex(k => k.Owner);
    }
}
