using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TrustCheckIn.Data.Migrations
{
    /// <inheritdoc />
    public partial class CheckIns : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "CheckIns",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CoupleId = table.Column<int>(type: "INTEGER", nullable: false),
                    AuthorId = table.Column<string>(type: "TEXT", nullable: false),
                    WeekKey = table.Column<int>(type: "INTEGER", nullable: false),
                    WeekStart = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    MonthKey = table.Column<int>(type: "INTEGER", nullable: false),
                    Trust = table.Column<int>(type: "INTEGER", nullable: false),
                    FeelingHeard = table.Column<int>(type: "INTEGER", nullable: false),
                    Connection = table.Column<int>(type: "INTEGER", nullable: false),
                    FollowThrough = table.Column<int>(type: "INTEGER", nullable: false),
                    EmotionalSafety = table.Column<int>(type: "INTEGER", nullable: false),
                    WentWell = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    OnMyMind = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    SmallStep = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    SubmittedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    SealedAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CheckIns", x => x.Id);
                    table.CheckConstraint("CK_CheckIns_Connection", "\"Connection\" BETWEEN 1 AND 5");
                    table.CheckConstraint("CK_CheckIns_EmotionalSafety", "\"EmotionalSafety\" BETWEEN 1 AND 5");
                    table.CheckConstraint("CK_CheckIns_FeelingHeard", "\"FeelingHeard\" BETWEEN 1 AND 5");
                    table.CheckConstraint("CK_CheckIns_FollowThrough", "\"FollowThrough\" BETWEEN 1 AND 5");
                    table.CheckConstraint("CK_CheckIns_Trust", "\"Trust\" BETWEEN 1 AND 5");
                    table.ForeignKey(
                        name: "FK_CheckIns_AspNetUsers_AuthorId",
                        column: x => x.AuthorId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_CheckIns_Couples_CoupleId",
                        column: x => x.CoupleId,
                        principalTable: "Couples",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CheckInReplies",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CheckInId = table.Column<int>(type: "INTEGER", nullable: false),
                    AuthorId = table.Column<string>(type: "TEXT", nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 280, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CheckInReplies", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CheckInReplies_AspNetUsers_AuthorId",
                        column: x => x.AuthorId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_CheckInReplies_CheckIns_CheckInId",
                        column: x => x.CheckInId,
                        principalTable: "CheckIns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CheckInReplies_AuthorId",
                table: "CheckInReplies",
                column: "AuthorId");

            migrationBuilder.CreateIndex(
                name: "IX_CheckInReplies_CheckInId_AuthorId",
                table: "CheckInReplies",
                columns: new[] { "CheckInId", "AuthorId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CheckIns_AuthorId_WeekKey",
                table: "CheckIns",
                columns: new[] { "AuthorId", "WeekKey" });

            migrationBuilder.CreateIndex(
                name: "IX_CheckIns_CoupleId_AuthorId_WeekKey",
                table: "CheckIns",
                columns: new[] { "CoupleId", "AuthorId", "WeekKey" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CheckIns_CoupleId_WeekKey",
                table: "CheckIns",
                columns: new[] { "CoupleId", "WeekKey" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CheckInReplies");

            migrationBuilder.DropTable(
                name: "CheckIns");
        }
    }
}
