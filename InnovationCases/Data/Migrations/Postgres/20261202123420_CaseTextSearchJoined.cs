using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace InnovationCases.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class CaseTextSearchJoined : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Cases_Summary_trgm",
                table: "Cases");

            // CaseTextSearch queries this very expression (EF models no expression indexes).
            migrationBuilder.Sql("""
                CREATE INDEX "IX_Cases_SearchText_trgm" ON "Cases"
                USING gin (("CaseNumber" || ' ' || "Title" || ' ' || "Summary") gin_trgm_ops);
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""DROP INDEX "IX_Cases_SearchText_trgm";""");

            migrationBuilder.CreateIndex(
                name: "IX_Cases_Summary_trgm",
                table: "Cases",
                column: "Summary")
                .Annotation("Npgsql:IndexMethod", "gin")
                .Annotation("Npgsql:IndexOperators", new[] { "gin_trgm_ops" });
        }
    }
}
