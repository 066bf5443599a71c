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
                name: "IX_TherapistLinks_CoupleId_LinkedAt",
                table: "TherapistLinks",
                columns: new[] { "CoupleId", "LinkedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Invitations_AcceptedById",
                table: "Invitations",
                column: "AcceptedById");

            migrationBuilder.CreateIndex(
                name: "IX_FollowThroughs_DoneById",
                table: "FollowThroughs",
                column: "DoneById");

            migrationBuilder.CreateIndex(
                name: "IX_FollowThroughs_NoticedById",
                table: "FollowThroughs",
                column: "NoticedById");

            migrationBuilder.CreateIndex(
                name: "IX_Couples_PartnerAId_ClosedAt",
                table: "Couples",
                columns: new[] { "PartnerAId", "ClosedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Couples_PartnerBId_ClosedAt",
                table: "Couples",
                columns: new[] { "PartnerBId", "ClosedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Consents_LinkId",
                table: "Consents",
                column: "LinkId");

            migrationBuilder.CreateIndex(
                name: "IX_Consents_PartnerId",
                table: "Consents",
                column: "PartnerId");

            migrationBuilder.CreateIndex(
                name: "IX_AccessLog_TherapistId_Id",
                table: "AccessLog",
                columns: new[] { "TherapistId", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_TherapistLinks_CoupleId_LinkedAt",
                table: "TherapistLinks");

            migrationBuilder.DropIndex(
                name: "IX_Invitations_AcceptedById",
                table: "Invitations");

            migrationBuilder.DropIndex(
                name: "IX_FollowThroughs_DoneById",
                table: "FollowThroughs");

            migrationBuilder.DropIndex(
                name: "IX_FollowThroughs_NoticedById",
                table: "FollowThroughs");

            migrationBuilder.DropIndex(
                name: "IX_Couples_PartnerAId_ClosedAt",
                table: "Couples");

            migrationBuilder.DropIndex(
                name: "IX_Couples_PartnerBId_ClosedAt",
                table: "Couples");

            migrationBuilder.DropIndex(
                name: "IX_Consents_LinkId",
                table: "Consents");

            migrationBuilder.DropIndex(
                name: "IX_Consents_PartnerId",
                table: "Consents");

            migrationBuilder.DropIndex(
                name: "IX_AccessLog_TherapistId_Id",
                table: "AccessLog");
        }
    }
}
