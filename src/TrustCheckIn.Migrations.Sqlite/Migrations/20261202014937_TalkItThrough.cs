using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TrustCheckIn.Data.Migrations
{
    /// <inheritdoc />
    public partial class TalkItThrough : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "LastStepOutcome",
                table: "CheckIns",
                type: "TEXT",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "StepNoticedAt",
                table: "CheckIns",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "SharedSteps",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CoupleId = table.Column<int>(type: "INTEGER", nullable: false),
                    WeekKey = table.Column<int>(type: "INTEGER", nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    AddedById = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SharedSteps", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SharedSteps_Couples_CoupleId",
                        column: x => x.CoupleId,
                        principalTable: "Couples",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_SharedSteps_AddedById",
                table: "SharedSteps",
                column: "AddedById");

            migrationBuilder.CreateIndex(
                name: "IX_SharedSteps_CoupleId_WeekKey",
                table: "SharedSteps",
                columns: new[] { "CoupleId", "WeekKey" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "SharedSteps");

            migrationBuilder.DropColumn(
                name: "LastStepOutcome",
                table: "CheckIns");

            migrationBuilder.DropColumn(
                name: "StepNoticedAt",
                table: "CheckIns");
        }
    }
}
