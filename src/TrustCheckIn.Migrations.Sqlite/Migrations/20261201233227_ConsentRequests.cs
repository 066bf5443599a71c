using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TrustCheckIn.Data.Migrations
{
    /// <inheritdoc />
    public partial class ConsentRequests : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ConsentRequests",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    LinkId = table.Column<int>(type: "INTEGER", nullable: false),
                    TherapistId = table.Column<string>(type: "TEXT", nullable: false),
                    PartnerId = table.Column<string>(type: "TEXT", nullable: false),
                    Scope = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Reason = table.Column<string>(type: "TEXT", nullable: true),
                    RequestedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    AnsweredAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Accepted = table.Column<bool>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ConsentRequests", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ConsentRequests_TherapistLinks_LinkId",
                        column: x => x.LinkId,
                        principalTable: "TherapistLinks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ConsentRequests_LinkId",
                table: "ConsentRequests",
                column: "LinkId");

            migrationBuilder.CreateIndex(
                name: "IX_ConsentRequests_Open",
                table: "ConsentRequests",
                columns: new[] { "LinkId", "PartnerId", "Scope" },
                unique: true,
                filter: "AnsweredAt IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_ConsentRequests_PartnerId",
                table: "ConsentRequests",
                column: "PartnerId");

            migrationBuilder.CreateIndex(
                name: "IX_ConsentRequests_TherapistId",
                table: "ConsentRequests",
                column: "TherapistId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ConsentRequests");
        }
    }
}
