using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace InnovationCases.Data.Migrations
{
    /// <summary>
    /// The knowledge bank's free-text index: one SQLite FTS5 row per case with a final effect report
    /// (rowid = the case's Id), over its title and summary, the final report's lessons and effects, and
    /// its story. Trigram tokenizer (substrings of Danish compound words, case-insensitive), ranked with
    /// bm25 by <c>Data/LearningTextSearch</c>. The texts live in three tables, so the index keeps its own
    /// copy and triggers on Cases, EffectReports and Stories rebuild a case's row whenever one of them
    /// changes. SQLite only: another provider gets its own index (the seam falls back to LIKE meanwhile).
    /// Also two covering indexes for the public key figures (B8 in docs/BENCHMARKS.md).
    /// </summary>
    public partial class LearningTextSearch : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Covering indexes for the public key figures (B8).
            migrationBuilder.CreateIndex(
                name: "IX_EffectReports_CaseId_IsFinal_RealisedAnnualGain",
                table: "EffectReports",
                columns: new[] { "CaseId", "IsFinal", "RealisedAnnualGain" });

            migrationBuilder.CreateIndex(
                name: "IX_Cases_BudgetYear_Theme_GrantedAmount",
                table: "Cases",
                columns: new[] { "BudgetYear", "Theme", "GrantedAmount" });

            if (!migrationBuilder.IsSqlite())
            {
                return;
            }

            migrationBuilder.Sql("""
                CREATE VIRTUAL TABLE LearningSearch USING fts5(Title, Summary, Lessons, Effects, Story, tokenize='trigram');
                """);
            migrationBuilder.Sql($"""
                CREATE TRIGGER LearningSearch_CaseUpdate AFTER UPDATE OF Title, Summary ON Cases BEGIN
                {Refresh("new.Id")}
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER LearningSearch_CaseDelete AFTER DELETE ON Cases BEGIN
                    DELETE FROM LearningSearch WHERE rowid = old.Id;
                END;
                """);
            migrationBuilder.Sql($"""
                CREATE TRIGGER LearningSearch_ReportInsert AFTER INSERT ON EffectReports WHEN new.IsFinal BEGIN
                {Refresh("new.CaseId")}
                END;
                """);
            migrationBuilder.Sql($"""
                CREATE TRIGGER LearningSearch_ReportUpdate AFTER UPDATE OF CaseId, IsFinal, LessonsLearned, Narrative ON EffectReports BEGIN
                {Refresh("old.CaseId")}
                {Refresh("new.CaseId")}
                END;
                """);
            migrationBuilder.Sql($"""
                CREATE TRIGGER LearningSearch_ReportDelete AFTER DELETE ON EffectReports BEGIN
                {Refresh("old.CaseId")}
                END;
                """);
            migrationBuilder.Sql($"""
                CREATE TRIGGER LearningSearch_StoryInsert AFTER INSERT ON Stories BEGIN
                {Refresh("new.CaseId")}
                END;
                """);
            migrationBuilder.Sql($"""
                CREATE TRIGGER LearningSearch_StoryUpdate AFTER UPDATE OF CaseId, Title, Lead, BodyMarkdown, WentWrong ON Stories BEGIN
                {Refresh("old.CaseId")}
                {Refresh("new.CaseId")}
                END;
                """);
            migrationBuilder.Sql($"""
                CREATE TRIGGER LearningSearch_StoryDelete AFTER DELETE ON Stories BEGIN
                {Refresh("old.CaseId")}
                END;
                """);
            migrationBuilder.Sql($"""
                INSERT INTO LearningSearch(rowid, Title, Summary, Lessons, Effects, Story)
                {Entries("SELECT Id FROM Cases")};
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_EffectReports_CaseId_IsFinal_RealisedAnnualGain",
                table: "EffectReports");

            migrationBuilder.DropIndex(
                name: "IX_Cases_BudgetYear_Theme_GrantedAmount",
                table: "Cases");

            if (!migrationBuilder.IsSqlite())
            {
                return;
            }

            foreach (var trigger in new[] { "CaseUpdate", "CaseDelete", "ReportInsert", "ReportUpdate", "ReportDelete", "StoryInsert", "StoryUpdate", "StoryDelete" })
            {
                migrationBuilder.Sql($"DROP TRIGGER IF EXISTS LearningSearch_{trigger};");
            }

            migrationBuilder.Sql("DROP TABLE IF EXISTS LearningSearch;");
        }

        // A case's row is rebuilt whole: deleted, then inserted again if the case has a final report.
        private static string Refresh(string caseId) => $"""
                DELETE FROM LearningSearch WHERE rowid = {caseId};
                INSERT INTO LearningSearch(rowid, Title, Summary, Lessons, Effects, Story)
                {Entries(caseId)};
            """;

        private static string Entries(string caseIds) => $"""
                SELECT c.Id, c.Title, c.Summary,
                    (SELECT group_concat(r.LessonsLearned, ' ') FROM EffectReports r WHERE r.CaseId = c.Id AND r.IsFinal),
                    (SELECT group_concat(r.Narrative, ' ') FROM EffectReports r WHERE r.CaseId = c.Id AND r.IsFinal),
                    (SELECT s.Title || ' ' || s.Lead || ' ' || s.BodyMarkdown || ' ' || s.WentWrong FROM Stories s WHERE s.CaseId = c.Id)
                FROM Cases c
                WHERE c.Id IN ({caseIds}) AND EXISTS (SELECT 1 FROM EffectReports r WHERE r.CaseId = c.Id AND r.IsFinal)
            """;
    }
}
