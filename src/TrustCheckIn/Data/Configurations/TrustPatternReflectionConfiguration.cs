using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TrustCheckIn.Journal;

namespace TrustCheckIn.Data.Configurations;

public sealed class TrustPatternReflectionConfiguration : IEntityTypeConfiguration<TrustPatternReflection>
{
    private static readonly string[] RatingColumns =
    [
        nameof(TrustPatternReflection.CheckingForReassurance), nameof(TrustPatternReflection.AvoidingVulnerability),
        nameof(TrustPatternReflection.ReadingThreats), nameof(TrustPatternReflection.TensionOverTimeApart),
        nameof(TrustPatternReflection.DoubtingApologies), nameof(TrustPatternReflection.Overthinking),
        nameof(TrustPatternReflection.GettingDefensive), nameof(TrustPatternReflection.Jealousy),
        nameof(TrustPatternReflection.PullingAway),
    ];

    public void Configure(EntityTypeBuilder<TrustPatternReflection> builder)
    {
        builder.ToTable("TrustPatternReflections", table =>
        {
            foreach (var column in RatingColumns)
            {
                table.HasCheckConstraint($"CK_TrustPatternReflections_{column}", $"\"{column}\" BETWEEN 0 AND 4");
            }
        });
        builder.Property(r => r.Note).HasMaxLength(TrustPatternReflection.NoteLength);
        // One reflection per author per month; the trend reads a range of this index.
        builder.HasIndex(r => new { r.AuthorId, r.Month }).IsUnique();
        builder.HasOne(r => r.Author).WithMany().HasForeignKey(r => r.AuthorId).OnDelete(DeleteBehavior.Cascade);
    }
}
