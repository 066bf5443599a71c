using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TrustCheckIn.Data.PostgreSQL.Migrations
{
    /// <inheritdoc />
    public partial class FollowThroughCountsFromIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_FollowThroughs_ExpectationId_DoneAt",
                table: "FollowThroughs");

            migrationBuilder.CreateIndex(
                name: "IX_FollowThroughs_ExpectationId_DoneAt_NoticedAt",
                table: "FollowThroughs",
                columns: new[] { "ExpectationId", "DoneAt", "NoticedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_FollowThroughs_ExpectationId_DoneAt_NoticedAt",
                table: "FollowThroughs");

            migrationBuilder.CreateIndex(
                name: "IX_FollowThroughs_ExpectationId_DoneAt",
                table: "FollowThroughs",
                columns: new[] { "ExpectationId", "DoneAt" });
        }
    }
}
