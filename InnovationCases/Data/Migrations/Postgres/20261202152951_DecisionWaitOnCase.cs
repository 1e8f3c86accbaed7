using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace InnovationCases.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class DecisionWaitOnCase : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "DecisionWaitTicks",
                table: "Cases",
                type: "bigint",
                nullable: true);

            // The wait of every case decided so far, from its first Grant or Reject event (the same
            // statement as Features/Dashboard/DecisionWaits.RefillAsync, copied so that this stays as it ran).
            migrationBuilder.Sql("""
                UPDATE "Cases" AS c SET "DecisionWaitTicks" = (EXTRACT(EPOCH FROM d."At" - c."SubmittedAt") * 10000000)::bigint
                FROM (SELECT "CaseId", MIN("At") AS "At" FROM "CaseEvents"
                      WHERE "Kind" = 'Moved' AND "Trigger" IN ('Grant', 'Reject') GROUP BY "CaseId") AS d
                WHERE c."Id" = d."CaseId"
                """);

            migrationBuilder.CreateIndex(
                name: "IX_Cases_DecisionWait",
                table: "Cases",
                columns: new[] { "BudgetYear", "DecisionWaitTicks" },
                filter: "\"DecisionWaitTicks\" IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Cases_DecisionWait",
                table: "Cases");

            migrationBuilder.DropColumn(
                name: "DecisionWaitTicks",
                table: "Cases");
        }
    }
}
