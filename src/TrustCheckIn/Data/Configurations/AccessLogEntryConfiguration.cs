using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TrustCheckIn.Therapy;

namespace TrustCheckIn.Data.Configurations;

public sealed class AccessLogEntryConfiguration : IEntityTypeConfiguration<AccessLogEntry>
{
    public void Configure(EntityTypeBuilder<AccessLogEntry> builder)
    {
        builder.ToTable("AccessLog");
        // No foreign keys: the log outlives links and accounts, and records attempts on any couple id.
        builder.Property(e => e.TherapistName).HasMaxLength(TherapistProfile.NameLength).IsRequired();
        builder.Property(e => e.Shown).HasMaxLength(64);
        builder.HasIndex(e => new { e.CoupleId, e.Id });
        // A therapist's own rows (export, erasure).
        builder.HasIndex(e => new { e.TherapistId, e.Id });
        builder.Ignore(e => e.Allowed);
    }
}
