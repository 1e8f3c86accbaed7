using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace InnovationCases.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class DashboardCoveringIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Cases_BudgetYear_Stage",
                table: "Cases");

            migrationBuilder.DropIndex(
                name: "IX_Cases_PoolId_Stage_GrantedAmount_ActualSpend",
                table: "Cases");

            migrationBuilder.DropIndex(
                name: "IX_Cases_Stage_StageChangedAt",
                table: "Cases");

            migrationBuilder.CreateIndex(
                name: "IX_Cases_PoolLedger",
                table: "Cases",
                columns: new[] { "PoolId", "Stage", "GrantedAmount", "ActualSpend", "RecommendedAmount" });

            migrationBuilder.CreateIndex(
                name: "IX_Cases_Stage_StageChangedAt_Listed",
                table: "Cases",
                columns: new[] { "Stage", "StageChangedAt", "CaseNumber", "Title" });

            migrationBuilder.CreateIndex(
                name: "IX_Cases_YearFigures",
                table: "Cases",
                columns: new[] { "BudgetYear", "Stage", "Theme", "LeadDepartmentId", "GrantedAmount", "ActualSpend", "ExpectedAnnualGain" });

            migrationBuilder.CreateIndex(
                name: "IX_CaseEvents_Decisions",
                table: "CaseEvents",
                columns: new[] { "CaseId", "At", "Kind", "Trigger" },
                filter: "\"Kind\" = 'Moved' AND \"Trigger\" IN ('Grant', 'Reject')");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Cases_PoolLedger",
                table: "Cases");

            migrationBuilder.DropIndex(
                name: "IX_Cases_Stage_StageChangedAt_Listed",
                table: "Cases");

            migrationBuilder.DropIndex(
                name: "IX_Cases_YearFigures",
                table: "Cases");

            migrationBuilder.DropIndex(
                name: "IX_CaseEvents_Decisions",
                table: "CaseEvents");

            migrationBuilder.CreateIndex(
                name: "IX_Cases_BudgetYear_Stage",
                table: "Cases",
                columns: new[] { "BudgetYear", "Stage" });

            migrationBuilder.CreateIndex(
                name: "IX_Cases_PoolId_Stage_GrantedAmount_ActualSpend",
                table: "Cases",
                columns: new[] { "PoolId", "Stage", "GrantedAmount", "ActualSpend" });

            migrationBuilder.CreateIndex(
                name: "IX_Cases_Stage_StageChangedAt",
                table: "Cases",
                columns: new[] { "Stage", "StageChangedAt" });
        }
    }
}
