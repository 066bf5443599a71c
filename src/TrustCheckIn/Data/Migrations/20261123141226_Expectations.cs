using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TrustCheckIn.Data.Migrations
{
    /// <inheritdoc />
    public partial class Expectations : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Expectations",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CoupleId = table.Column<int>(type: "INTEGER", nullable: false),
                    Need = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Action = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Frequency = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    CustomFrequency = table.Column<string>(type: "TEXT", maxLength: 60, nullable: true),
                    Position = table.Column<int>(type: "INTEGER", nullable: false),
                    StarterKey = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    RemovedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Expectations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Expectations_Couples_CoupleId",
                        column: x => x.CoupleId,
                        principalTable: "Couples",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ExpectationTables",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CoupleId = table.Column<int>(type: "INTEGER", nullable: false),
                    ReviewIntervalWeeks = table.Column<int>(type: "INTEGER", nullable: false),
                    LastReviewedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ReviewConfirmedById = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    ReviewConfirmedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ExpectationTables", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ExpectationTables_Couples_CoupleId",
                        column: x => x.CoupleId,
                        principalTable: "Couples",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ExpectationRevisions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CoupleId = table.Column<int>(type: "INTEGER", nullable: false),
                    ExpectationId = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    ChangedById = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    ChangedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    BeforeNeed = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    BeforeAction = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    BeforeFrequency = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    BeforeCustomFrequency = table.Column<string>(type: "TEXT", maxLength: 60, nullable: true),
                    BeforePosition = table.Column<int>(type: "INTEGER", nullable: true),
                    AfterNeed = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    AfterAction = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    AfterFrequency = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    AfterCustomFrequency = table.Column<string>(type: "TEXT", maxLength: 60, nullable: true),
                    AfterPosition = table.Column<int>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ExpectationRevisions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ExpectationRevisions_Couples_CoupleId",
                        column: x => x.CoupleId,
                        principalTable: "Couples",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ExpectationRevisions_Expectations_ExpectationId",
                        column: x => x.ExpectationId,
                        principalTable: "Expectations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "FollowThroughs",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CoupleId = table.Column<int>(type: "INTEGER", nullable: false),
                    ExpectationId = table.Column<int>(type: "INTEGER", nullable: false),
                    DoneById = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    DoneAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    NoticedById = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    NoticedAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FollowThroughs", x => x.Id);
                    table.ForeignKey(
                        name: "FK_FollowThroughs_Couples_CoupleId",
                        column: x => x.CoupleId,
                        principalTable: "Couples",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_FollowThroughs_Expectations_ExpectationId",
                        column: x => x.ExpectationId,
                        principalTable: "Expectations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ExpectationRevisions_CoupleId_Id",
                table: "ExpectationRevisions",
                columns: new[] { "CoupleId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_ExpectationRevisions_ExpectationId_Id",
                table: "ExpectationRevisions",
                columns: new[] { "ExpectationId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Expectations_CoupleId_Position",
                table: "Expectations",
                columns: new[] { "CoupleId", "Position" });

            migrationBuilder.CreateIndex(
                name: "IX_Expectations_CoupleId_StarterKey",
                table: "Expectations",
                columns: new[] { "CoupleId", "StarterKey" },
                unique: true,
                filter: "StarterKey IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_ExpectationTables_CoupleId",
                table: "ExpectationTables",
                column: "CoupleId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_FollowThroughs_CoupleId",
                table: "FollowThroughs",
                column: "CoupleId");

            migrationBuilder.CreateIndex(
                name: "IX_FollowThroughs_ExpectationId_DoneAt",
                table: "FollowThroughs",
                columns: new[] { "ExpectationId", "DoneAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ExpectationRevisions");

            migrationBuilder.DropTable(
                name: "ExpectationTables");

            migrationBuilder.DropTable(
                name: "FollowThroughs");

            migrationBuilder.DropTable(
                name: "Expectations");
        }
    }
}
