using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TrustCheckIn.CheckIns;

namespace TrustCheckIn.Data.Configurations;

public sealed class CheckInConfiguration : IEntityTypeConfiguration<CheckIn>
{
    public void Configure(EntityTypeBuilder<CheckIn> builder)
    {
        builder.Property(c => c.WentWell).HasMaxLength(CheckInAnswers.TextLength);
        builder.Property(c => c.OnMyMind).HasMaxLength(CheckInAnswers.TextLength);
        builder.Property(c => c.SmallStep).HasMaxLength(CheckInAnswers.TextLength);
        builder.ToTable(t =>
        {
            foreach (var rating in new[] { "Trust", "FeelingHeard", "Connection", "FollowThrough", "EmotionalSafety" })
            {
                t.HasCheckConstraint($"CK_CheckIns_{rating}", $"\"{rating}\" BETWEEN 1 AND 5");
            }
        });
        // One answer per partner per week, even when two submits race.
        builder.HasIndex(c => new { c.CoupleId, c.AuthorId, c.WeekKey }).IsUnique();
        // History pages and trends read one couple's range of weeks; "what I wrote" reads one author's.
        builder.HasIndex(c => new { c.CoupleId, c.WeekKey });
        builder.HasIndex(c => new { c.AuthorId, c.WeekKey });
        builder.HasOne(c => c.Couple).WithMany().HasForeignKey(c => c.CoupleId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(c => c.Author).WithMany().HasForeignKey(c => c.AuthorId).OnDelete(DeleteBehavior.Cascade);
        builder.Ignore(c => c.Week);
        builder.Ignore(c => c.Ratings);
        builder.Ignore(c => c.IsSealed);
    }
}
