using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TrustCheckIn.Data.Migrations
{
    /// <inheritdoc />
    public partial class Journal : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "JournalEntries",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    AuthorId = table.Column<string>(type: "TEXT", nullable: false),
                    Prompt = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    Text = table.Column<string>(type: "TEXT", maxLength: 10000, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ShareableWithTherapist = table.Column<bool>(type: "INTEGER", nullable: false),
                    MarkedShareableAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_JournalEntries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_JournalEntries_AspNetUsers_AuthorId",
                        column: x => x.AuthorId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SelfTrustChecklists",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    AuthorId = table.Column<string>(type: "TEXT", nullable: false),
                    CoreValues = table.Column<string>(type: "TEXT", maxLength: 810, nullable: false),
                    Boundaries = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    RevisitedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SelfTrustChecklists", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SelfTrustChecklists_AspNetUsers_AuthorId",
                        column: x => x.AuthorId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "TrustPatternReflections",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    AuthorId = table.Column<string>(type: "TEXT", nullable: false),
                    Month = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    CheckingForReassurance = table.Column<int>(type: "INTEGER", nullable: false),
                    AvoidingVulnerability = table.Column<int>(type: "INTEGER", nullable: false),
                    ReadingThreats = table.Column<int>(type: "INTEGER", nullable: false),
                    TensionOverTimeApart = table.Column<int>(type: "INTEGER", nullable: false),
                    DoubtingApologies = table.Column<int>(type: "INTEGER", nullable: false),
                    Overthinking = table.Column<int>(type: "INTEGER", nullable: false),
                    GettingDefensive = table.Column<int>(type: "INTEGER", nullable: false),
                    Jealousy = table.Column<int>(type: "INTEGER", nullable: false),
                    PullingAway = table.Column<int>(type: "INTEGER", nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ShareableWithTherapist = table.Column<bool>(type: "INTEGER", nullable: false),
                    MarkedShareableAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TrustPatternReflections", x => x.Id);
                    table.CheckConstraint("CK_TrustPatternReflections_AvoidingVulnerability", "\"AvoidingVulnerability\" BETWEEN 0 AND 4");
                    table.CheckConstraint("CK_TrustPatternReflections_CheckingForReassurance", "\"CheckingForReassurance\" BETWEEN 0 AND 4");
                    table.CheckConstraint("CK_TrustPatternReflections_DoubtingApologies", "\"DoubtingApologies\" BETWEEN 0 AND 4");
                    table.CheckConstraint("CK_TrustPatternReflections_GettingDefensive", "\"GettingDefensive\" BETWEEN 0 AND 4");
                    table.CheckConstraint("CK_TrustPatternReflections_Jealousy", "\"Jealousy\" BETWEEN 0 AND 4");
                    table.CheckConstraint("CK_TrustPatternReflections_Overthinking", "\"Overthinking\" BETWEEN 0 AND 4");
                    table.CheckConstraint("CK_TrustPatternReflections_PullingAway", "\"PullingAway\" BETWEEN 0 AND 4");
                    table.CheckConstraint("CK_TrustPatternReflections_ReadingThreats", "\"ReadingThreats\" BETWEEN 0 AND 4");
                    table.CheckConstraint("CK_TrustPatternReflections_TensionOverTimeApart", "\"TensionOverTimeApart\" BETWEEN 0 AND 4");
                    table.ForeignKey(
                        name: "FK_TrustPatternReflections_AspNetUsers_AuthorId",
                        column: x => x.AuthorId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_JournalEntries_AuthorId_CreatedAt",
                table: "JournalEntries",
                columns: new[] { "AuthorId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_SelfTrustChecklists_AuthorId",
                table: "SelfTrustChecklists",
                column: "AuthorId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_TrustPatternReflections_AuthorId_Month",
                table: "TrustPatternReflections",
                columns: new[] { "AuthorId", "Month" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "JournalEntries");

            migrationBuilder.DropTable(
                name: "SelfTrustChecklists");

            migrationBuilder.DropTable(
                name: "TrustPatternReflections");
        }
    }
}
