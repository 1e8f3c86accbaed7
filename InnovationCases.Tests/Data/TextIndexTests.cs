using InnovationCases.Data;
using InnovationCases.Domain;
using InnovationCases.Tests.Features.Cases;
using InnovationCases.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace InnovationCases.Tests.Data;

/// <summary>The hand-written FTS5 indexes: their triggers survive the migrations, and the knowledge bank's seam answers alike on every provider.</summary>
public sealed class TextIndexTests(CasesAppFixture fixture) : IClassFixture<CasesAppFixture>
{
    private TestApp App => fixture.App;

    [Fact]
    public async Task Both_free_text_indexes_keep_their_triggers_after_all_migrations()
    {
        await using var db = await App.DbAsync();

        var triggers = await db.Database.SqlQueryRaw<string>("SELECT name AS Value FROM sqlite_master WHERE type = 'trigger'").ToListAsync();

        Assert.Subset(triggers.ToHashSet(), new HashSet<string>
        {
            "CaseSearch_Insert", "CaseSearch_Delete", "CaseSearch_Update",
            "LearningSearch_CaseUpdate", "LearningSearch_CaseDelete",
            "LearningSearch_ReportInsert", "LearningSearch_ReportUpdate", "LearningSearch_ReportDelete",
            "LearningSearch_StoryInsert", "LearningSearch_StoryUpdate", "LearningSearch_StoryDelete",
        });
    }

    [Fact]
    public async Task The_knowledge_index_holds_one_row_per_case_with_a_final_report()
    {
        await using var db = await App.DbAsync();

        var indexed = await db.Database.SqlQueryRaw<int>("SELECT rowid AS Value FROM LearningSearch").ToListAsync();
        var withFinalReport = await db.EffectReports.Where(r => r.IsFinal).Select(r => r.CaseId).Distinct().ToListAsync();

        Assert.NotEmpty(withFinalReport);
        Assert.Equal(withFinalReport.Order(), indexed.Order());
    }

    [Fact]
    public async Task The_provider_neutral_fallback_finds_what_the_index_finds_and_ranks_the_lessons_above_the_story()
    {
        var word = "Fallback" + Guid.NewGuid().ToString("N")[..8];
        var inLessons = await EvaluatedAsync("Om " + word + " og mere");
        var inStory = await EvaluatedAsync("Intet særligt");
        await using var db = await App.DbAsync();
        db.Stories.Add(new Story { CaseId = inStory.Id, Title = "Fortælling", Lead = "Kort", BodyMarkdown = "Senere kom " + word.ToUpperInvariant(), UpdatedAt = DateTime.UtcNow });
        await db.SaveChangesAsync();

        var terms = LearningTextSearch.Terms(word.ToLowerInvariant());
        var byLike = await LearningTextSearch.MatchingWithLike(db, terms).OrderByDescending(m => m.Score).Select(m => m.CaseId).ToListAsync();
        var byIndex = await LearningTextSearch.Matching(db, word.ToLowerInvariant()).OrderByDescending(m => m.Score).Select(m => m.CaseId).ToListAsync();

        Assert.Equal([inLessons.Id, inStory.Id], byLike);
        Assert.Equal(byLike, byIndex);
    }

    private Task<InnovationCase> EvaluatedAsync(string lessons) =>
        Arrange.CaseAsync(App, Stage.Evaluated, leadCode: "MBU", granted: 200_000, configure: c => c.EffectReports.Add(new EffectReport
        {
            Year = DateTime.UtcNow.Year, IsFinal = true, LessonsLearned = lessons, Narrative = "Effekter.",
            ReportedByUserId = "x", ReportedByName = "X", CreatedAt = DateTime.UtcNow,
        }));
}
