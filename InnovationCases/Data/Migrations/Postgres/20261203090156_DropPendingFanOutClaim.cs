using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace InnovationCases.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class DropPendingFanOutClaim : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ClaimToken",
                table: "PendingFanOuts");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ClaimToken",
                table: "PendingFanOuts",
                type: "character varying(32)",
                maxLength: 32,
                nullable: true);
        }
    }
}
