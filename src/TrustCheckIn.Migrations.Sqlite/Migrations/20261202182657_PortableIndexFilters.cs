using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TrustCheckIn.Data.Migrations
{
    /// <inheritdoc />
    public partial class PortableIndexFilters : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_TherapistLinks_ActiveCouple",
                table: "TherapistLinks");

            migrationBuilder.DropIndex(
                name: "IX_Expectations_CoupleId_StarterKey",
                table: "Expectations");

            migrationBuilder.DropIndex(
                name: "IX_Couples_ActivePartnerA",
                table: "Couples");

            migrationBuilder.DropIndex(
                name: "IX_Couples_ActivePartnerB",
                table: "Couples");

            migrationBuilder.DropIndex(
                name: "IX_Consents_Standing",
                table: "Consents");

            migrationBuilder.DropIndex(
                name: "IX_ConsentRequests_Open",
                table: "ConsentRequests");

            migrationBuilder.CreateIndex(
                name: "IX_TherapistLinks_ActiveCouple",
                table: "TherapistLinks",
                column: "CoupleId",
                unique: true,
                filter: "\"UnlinkedAt\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Expectations_CoupleId_StarterKey",
                table: "Expectations",
                columns: new[] { "CoupleId", "StarterKey" },
                unique: true,
                filter: "\"StarterKey\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Couples_ActivePartnerA",
                table: "Couples",
                column: "PartnerAId",
                unique: true,
                filter: "\"ClosedAt\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Couples_ActivePartnerB",
                table: "Couples",
                column: "PartnerBId",
                unique: true,
                filter: "\"ClosedAt\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Consents_Standing",
                table: "Consents",
                columns: new[] { "LinkId", "PartnerId" },
                unique: true,
                filter: "\"RevokedAt\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_ConsentRequests_Open",
                table: "ConsentRequests",
                columns: new[] { "LinkId", "PartnerId", "Scope" },
                unique: true,
                filter: "\"AnsweredAt\" IS NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_TherapistLinks_ActiveCouple",
                table: "TherapistLinks");

            migrationBuilder.DropIndex(
                name: "IX_Expectations_CoupleId_StarterKey",
                table: "Expectations");

            migrationBuilder.DropIndex(
                name: "IX_Couples_ActivePartnerA",
                table: "Couples");

            migrationBuilder.DropIndex(
                name: "IX_Couples_ActivePartnerB",
                table: "Couples");

            migrationBuilder.DropIndex(
                name: "IX_Consents_Standing",
                table: "Consents");

            migrationBuilder.DropIndex(
                name: "IX_ConsentRequests_Open",
                table: "ConsentRequests");

            migrationBuilder.CreateIndex(
                name: "IX_TherapistLinks_ActiveCouple",
                table: "TherapistLinks",
                column: "CoupleId",
                unique: true,
                filter: "UnlinkedAt IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Expectations_CoupleId_StarterKey",
                table: "Expectations",
                columns: new[] { "CoupleId", "StarterKey" },
                unique: true,
                filter: "StarterKey IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Couples_ActivePartnerA",
                table: "Couples",
                column: "PartnerAId",
                unique: true,
                filter: "ClosedAt IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Couples_ActivePartnerB",
                table: "Couples",
                column: "PartnerBId",
                unique: true,
                filter: "ClosedAt IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Consents_Standing",
                table: "Consents",
                columns: new[] { "LinkId", "PartnerId" },
                unique: true,
                filter: "RevokedAt IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_ConsentRequests_Open",
                table: "ConsentRequests",
                columns: new[] { "LinkId", "PartnerId", "Scope" },
                unique: true,
                filter: "AnsweredAt IS NULL");
        }
    }
}
