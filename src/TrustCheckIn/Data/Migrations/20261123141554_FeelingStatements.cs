using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TrustCheckIn.Data.Migrations
{
    /// <inheritdoc />
    public partial class FeelingStatements : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "FeelingStatements",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CoupleId = table.Column<int>(type: "INTEGER", nullable: false),
                    AuthorId = table.Column<string>(type: "TEXT", nullable: false),
                    Feeling = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Situation = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Need = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    SharedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    AcknowledgedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    AcknowledgedById = table.Column<string>(type: "TEXT", nullable: true),
                    Reply = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    TalkedAboutAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    TalkedAboutById = table.Column<string>(type: "TEXT", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FeelingStatements", x => x.Id);
                    table.ForeignKey(
                        name: "FK_FeelingStatements_AspNetUsers_AcknowledgedById",
                        column: x => x.AcknowledgedById,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_FeelingStatements_AspNetUsers_AuthorId",
                        column: x => x.AuthorId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_FeelingStatements_AspNetUsers_TalkedAboutById",
                        column: x => x.TalkedAboutById,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_FeelingStatements_Couples_CoupleId",
                        column: x => x.CoupleId,
                        principalTable: "Couples",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_FeelingStatements_AcknowledgedById",
                table: "FeelingStatements",
                column: "AcknowledgedById");

            migrationBuilder.CreateIndex(
                name: "IX_FeelingStatements_AuthorId_SharedAt_UpdatedAt",
                table: "FeelingStatements",
                columns: new[] { "AuthorId", "SharedAt", "UpdatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_FeelingStatements_CoupleId_SharedAt",
                table: "FeelingStatements",
                columns: new[] { "CoupleId", "SharedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_FeelingStatements_TalkedAboutById",
                table: "FeelingStatements",
                column: "TalkedAboutById");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "FeelingStatements");
        }
    }
}
