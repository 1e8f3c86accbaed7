using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace InnovationCases.Data.Migrations
{
    /// <inheritdoc />
    public partial class StageStats : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "StageDays",
                columns: table => new
                {
                    Day = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Stage = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Entered = table.Column<int>(type: "INTEGER", nullable: false),
                    Left = table.Column<int>(type: "INTEGER", nullable: false),
                    EnteredAtMs = table.Column<long>(type: "INTEGER", nullable: false),
                    LeftEnteredAtMs = table.Column<long>(type: "INTEGER", nullable: false),
                    LeftStayMs = table.Column<long>(type: "INTEGER", nullable: false),
                    Slow1Ms = table.Column<long>(type: "INTEGER", nullable: false),
                    Slow1CaseId = table.Column<int>(type: "INTEGER", nullable: false),
                    Slow2Ms = table.Column<long>(type: "INTEGER", nullable: false),
                    Slow2CaseId = table.Column<int>(type: "INTEGER", nullable: false),
                    Slow3Ms = table.Column<long>(type: "INTEGER", nullable: false),
                    Slow3CaseId = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StageDays", x => new { x.Day, x.Stage });
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "StageDays");
        }
    }
}
