using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace InnovationCases.Data.Migrations
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
                type: "INTEGER",
                nullable: true);

            // The wait of every case decided so far, from its first Grant or Reject event (the same
            // statement as Features/Dashboard/DecisionWaits.RefillAsync, copied so that this stays as it ran).
            migrationBuilder.Sql("""
                UPDATE "Cases" SET "DecisionWaitTicks" = (
                    SELECT (CAST(strftime('%s', substr(MIN(e."At"), 1, 19)) AS INTEGER) * 10000000
                            + CAST(substr(substr(MIN(e."At"), 21) || '0000000', 1, 7) AS INTEGER))
                         - (CAST(strftime('%s', substr("Cases"."SubmittedAt", 1, 19)) AS INTEGER) * 10000000
                            + CAST(substr(substr("Cases"."SubmittedAt", 21) || '0000000', 1, 7) AS INTEGER))
                    FROM "CaseEvents" AS e
                    WHERE e."CaseId" = "Cases"."Id" AND e."Kind" = 'Moved' AND e."Trigger" IN ('Grant', 'Reject'))
                WHERE "Id" IN (SELECT "CaseId" FROM "CaseEvents" WHERE "Kind" = 'Moved' AND "Trigger" IN ('Grant', 'Reject'))
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
