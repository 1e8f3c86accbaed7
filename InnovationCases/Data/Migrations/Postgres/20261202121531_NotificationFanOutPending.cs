using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace InnovationCases.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class NotificationFanOutPending : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "PendingFanOuts",
                columns: table => new
                {
                    CaseEventId = table.Column<long>(type: "bigint", nullable: false),
                    ClaimToken = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PendingFanOuts", x => x.CaseEventId);
                    table.ForeignKey(
                        name: "FK_PendingFanOuts_CaseEvents_CaseEventId",
                        column: x => x.CaseEventId,
                        principalTable: "CaseEvents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "PendingFanOuts");
        }
    }
}
