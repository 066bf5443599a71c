using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace TrustCheckIn.Data.Configurations;

public sealed class DeployStepConfiguration : IEntityTypeConfiguration<DeployStep>
{
    public void Configure(EntityTypeBuilder<DeployStep> builder)
    {
        builder.HasKey(s => s.Name);
        builder.Property(s => s.Name).HasMaxLength(DeployStep.NameLength);
    }
}
