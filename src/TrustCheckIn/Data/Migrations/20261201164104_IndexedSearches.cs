using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TrustCheckIn.Data.Migrations
{
    /// <inheritdoc />
    public partial class IndexedSearches : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Couples_PartnerAId_ClosedAt",
                table: "Couples",
                columns: new[] { "PartnerAId", "ClosedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Couples_PartnerBId_ClosedAt",
                table: "Couples",
                columns: new[] { "PartnerBId", "ClosedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Couples_PartnerAId_ClosedAt",
                table: "Couples");

            migrationBuilder.DropIndex(
                name: "IX_Couples_PartnerBId_ClosedAt",
                table: "Couples");
        }
    }
}
