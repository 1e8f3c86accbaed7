using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace InnovationCases.Data.Migrations
{
    /// <summary>
    /// A substring index over case number, title and summary for the grid's free-text search: an
    /// SQLite FTS5 table with the trigram tokenizer (case-insensitive, also for æ/ø/å), kept in step
    /// with Cases by triggers. SQLite-specific, like everything under Data/.
    /// </summary>
    public partial class CaseTextSearch : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE VIRTUAL TABLE CaseSearch USING fts5(
                    CaseNumber, Title, Summary, content='Cases', content_rowid='Id', tokenize='trigram');
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER CaseSearch_Insert AFTER INSERT ON Cases BEGIN
                    INSERT INTO CaseSearch(rowid, CaseNumber, Title, Summary) VALUES (new.Id, new.CaseNumber, new.Title, new.Summary);
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER CaseSearch_Delete AFTER DELETE ON Cases BEGIN
                    INSERT INTO CaseSearch(CaseSearch, rowid, CaseNumber, Title, Summary) VALUES ('delete', old.Id, old.CaseNumber, old.Title, old.Summary);
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER CaseSearch_Update AFTER UPDATE OF CaseNumber, Title, Summary ON Cases BEGIN
                    INSERT INTO CaseSearch(CaseSearch, rowid, CaseNumber, Title, Summary) VALUES ('delete', old.Id, old.CaseNumber, old.Title, old.Summary);
                    INSERT INTO CaseSearch(rowid, CaseNumber, Title, Summary) VALUES (new.Id, new.CaseNumber, new.Title, new.Summary);
                END;
                """);
            migrationBuilder.Sql("INSERT INTO CaseSearch(CaseSearch) VALUES ('rebuild');");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS CaseSearch_Update;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS CaseSearch_Delete;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS CaseSearch_Insert;");
            migrationBuilder.Sql("DROP TABLE IF EXISTS CaseSearch;");
        }
    }
}
