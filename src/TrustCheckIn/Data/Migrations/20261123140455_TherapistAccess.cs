using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TrustCheckIn.Data.Migrations
{
    /// <inheritdoc />
    public partial class TherapistAccess : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AccessLog",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CoupleId = table.Column<int>(type: "INTEGER", nullable: false),
                    TherapistId = table.Column<string>(type: "TEXT", nullable: true),
                    TherapistName = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Shown = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AccessLog", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "TherapistLinks",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CoupleId = table.Column<int>(type: "INTEGER", nullable: false),
                    TherapistId = table.Column<string>(type: "TEXT", nullable: false),
                    LinkedById = table.Column<string>(type: "TEXT", nullable: false),
                    LinkedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UnlinkedAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TherapistLinks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TherapistLinks_AspNetUsers_TherapistId",
                        column: x => x.TherapistId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_TherapistLinks_Couples_CoupleId",
                        column: x => x.CoupleId,
                        principalTable: "Couples",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "TherapistProfiles",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    UserId = table.Column<string>(type: "TEXT", nullable: false),
                    DisplayName = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    PracticeName = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    Licence = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    LinkCode = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TherapistProfiles", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TherapistProfiles_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Consents",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    LinkId = table.Column<int>(type: "INTEGER", nullable: false),
                    PartnerId = table.Column<string>(type: "TEXT", nullable: false),
                    Scopes = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    StartsOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    GrantedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    RevokedAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Consents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Consents_TherapistLinks_LinkId",
                        column: x => x.LinkId,
                        principalTable: "TherapistLinks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AccessLog_CoupleId_Id",
                table: "AccessLog",
                columns: new[] { "CoupleId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Consents_Standing",
                table: "Consents",
                columns: new[] { "LinkId", "PartnerId" },
                unique: true,
                filter: "RevokedAt IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_TherapistLinks_ActiveCouple",
                table: "TherapistLinks",
                column: "CoupleId",
                unique: true,
                filter: "UnlinkedAt IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_TherapistLinks_TherapistId_UnlinkedAt",
                table: "TherapistLinks",
                columns: new[] { "TherapistId", "UnlinkedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_TherapistProfiles_LinkCode",
                table: "TherapistProfiles",
                column: "LinkCode",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_TherapistProfiles_UserId",
                table: "TherapistProfiles",
                column: "UserId",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AccessLog");

            migrationBuilder.DropTable(
                name: "Consents");

            migrationBuilder.DropTable(
                name: "TherapistProfiles");

            migrationBuilder.DropTable(
                name: "TherapistLinks");
        }
    }
}
