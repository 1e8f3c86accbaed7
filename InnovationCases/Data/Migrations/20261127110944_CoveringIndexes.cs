using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace InnovationCases.Data.Migrations
{
    /// <inheritdoc />
    public partial class CoveringIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Cases_PoolId_Stage",
                table: "Cases");

            migrationBuilder.CreateIndex(
                name: "IX_Cases_PoolId_Stage_GrantedAmount_ActualSpend",
                table: "Cases",
                columns: new[] { "PoolId", "Stage", "GrantedAmount", "ActualSpend" });

            migrationBuilder.CreateIndex(
                name: "IX_Cases_Stage_GrantedAmount_RequestedAmount",
                table: "Cases",
                columns: new[] { "Stage", "GrantedAmount", "RequestedAmount" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Cases_PoolId_Stage_GrantedAmount_ActualSpend",
                table: "Cases");

            migrationBuilder.DropIndex(
                name: "IX_Cases_Stage_GrantedAmount_RequestedAmount",
                table: "Cases");

            migrationBuilder.CreateIndex(
                name: "IX_Cases_PoolId_Stage",
                table: "Cases",
                columns: new[] { "PoolId", "Stage" });
        }
    }
}
