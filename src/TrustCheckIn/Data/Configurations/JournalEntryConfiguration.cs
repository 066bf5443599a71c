using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TrustCheckIn.Journal;

namespace TrustCheckIn.Data.Configurations;

public sealed class JournalEntryConfiguration : IEntityTypeConfiguration<JournalEntry>
{
    public void Configure(EntityTypeBuilder<JournalEntry> builder)
    {
        builder.Property(e => e.Text).HasMaxLength(JournalEntry.TextLength).IsRequired();
        // The list is the author's entries, newest first.
        builder.HasIndex(e => new { e.AuthorId, e.CreatedAt });
        // A therapist reads only the entries marked shareable: an index of those alone, so the read never walks
        // the private entries of the same weeks (however many the author writes).
        builder.HasIndex(e => new { e.AuthorId, e.CreatedAt }, "IX_JournalEntries_Shared").HasFilter("\"ShareableWithTherapist\"");
        // Private to the author: their entries go when their account goes, and no couple owns them.
        builder.HasOne(e => e.Author).WithMany().HasForeignKey(e => e.AuthorId).OnDelete(DeleteBehavior.Cascade);
    }
}
