using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TrustCheckIn.Data.PostgreSQL.Migrations
{
    /// <inheritdoc />
    public partial class SharedJournalIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_JournalEntries_Shared",
                table: "JournalEntries",
                columns: new[] { "AuthorId", "CreatedAt" },
                filter: "\"ShareableWithTherapist\"");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_JournalEntries_Shared",
                table: "JournalEntries");
        }
    }
}
