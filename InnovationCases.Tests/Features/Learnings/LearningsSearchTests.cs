using InnovationCases.Domain;
using InnovationCases.Features.Learnings;
using InnovationCases.Tests.Features.Cases;
using InnovationCases.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace InnovationCases.Tests.Features.Learnings;

/// <summary>The knowledge bank's free text through the FTS5 index: every text of an entry, ranked, kept in step, nothing private.</summary>
public sealed class LearningsSearchTests(CasesAppFixture fixture) : IClassFixture<CasesAppFixture>
{
    private TestApp App => fixture.App;
    private LearningsService Learnings => App.AppServices.GetRequiredService<LearningsService>();

    private static string Word(string stem) => stem + Guid.NewGuid().ToString("N")[..8];

    private async Task<InnovationCase> EvaluatedAsync(string lessons = "Intet særligt", string effects = "Ingen målbare effekter", string? title = null, string? story = null)
    {
        var c = await Arrange.CaseAsync(App, Stage.Evaluated, leadCode: "MSO", granted: 300_000, configure: c =>
        {
            c.Title = title ?? c.Title;
            c.EffectReports.Add(new EffectReport
            {
                Year = DateTime.UtcNow.Year, IsFinal = true, LessonsLearned = lessons, Narrative = effects, RealisedAnnualGain = 10_000,
                ReportedByUserId = "x", ReportedByName = "Sara Lund", CreatedAt = DateTime.UtcNow,
            });
        });
        if (story is not null)
        {
            await using var db = await App.DbAsync();
            db.Stories.Add(new Story { CaseId = c.Id, Title = "Fortælling", Lead = "Kort", BodyMarkdown = story, UpdatedAt = DateTime.UtcNow });
            await db.SaveChangesAsync();
        }

        return c;
    }

    private async Task<IReadOnlyList<string>> FindAsync(string text, string email = DemoUsers.Caseworker) =>
        (await Learnings.SearchAsync(new LearningsQuery(Text: text), await App.ActorAsync(email))).Select(l => l.CaseNumber).ToList();

    [Fact]
    public async Task A_word_only_in_the_lessons_is_found()
    {
        var word = Word("Lektie");
        var c = await EvaluatedAsync(lessons: "Vi lærte at " + word + " kræver tid");

        Assert.Equal([c.CaseNumber], await FindAsync(word));
    }

    [Fact]
    public async Task A_word_only_in_the_effects_is_found()
    {
        var word = Word("Effekt");
        var c = await EvaluatedAsync(effects: "Færre " + word + " om året");

        Assert.Equal([c.CaseNumber], await FindAsync(word));
    }

    [Fact]
    public async Task A_word_only_in_the_story_is_found()
    {
        var word = Word("Historie");
        var c = await EvaluatedAsync(story: "Sådan gik det med " + word + ".");

        Assert.Equal([c.CaseNumber], await FindAsync(word));
    }

    [Fact]
    public async Task Part_of_a_compound_word_is_found_in_any_case()
    {
        var word = Word("ovn");
        var c = await EvaluatedAsync(lessons: "Hjemme" + word.ToUpperInvariant() + "plejen blev bedre");

        Assert.Equal([c.CaseNumber], await FindAsync(word));
    }

    [Fact]
    public async Task Every_word_must_match_but_each_may_be_in_a_different_text()
    {
        var first = Word("Første");
        var second = Word("Anden");
        var c = await EvaluatedAsync(lessons: first, story: second);

        Assert.Equal([c.CaseNumber], await FindAsync(first + " " + second));
        Assert.Empty(await FindAsync(first + " " + Word("Mangler")));
    }

    [Fact]
    public async Task A_short_word_beside_a_long_one_narrows_the_hits()
    {
        var word = Word("Robot");
        var withIt = await EvaluatedAsync(lessons: word + " og IT hænger sammen");
        await EvaluatedAsync(lessons: word + " uden teknik");

        Assert.Equal([withIt.CaseNumber], await FindAsync(word + " it"));
    }

    [Fact]
    public async Task A_better_match_ranks_first()
    {
        var word = Word("Rangering");
        var inStory = await EvaluatedAsync(story: "En bisætning om " + word);
        var inLessons = await EvaluatedAsync(lessons: word + " var det vigtigste");
        var inTitleAndLessons = await EvaluatedAsync(title: "Projekt " + word, lessons: word + " igen");

        Assert.Equal([inTitleAndLessons.CaseNumber, inLessons.CaseNumber, inStory.CaseNumber], await FindAsync(word));
    }

    [Fact]
    public async Task The_index_follows_edits_of_the_lessons_the_story_and_the_title()
    {
        var old = Word("Gammel");
        var fresh = Word("Ny");
        var title = Word("Titel");
        var c = await EvaluatedAsync(lessons: old, story: old);
        await using (var db = await App.DbAsync())
        {
            var report = await db.EffectReports.SingleAsync(r => r.CaseId == c.Id);
            report.LessonsLearned = fresh;
            db.Stories.Remove(await db.Stories.SingleAsync(s => s.CaseId == c.Id));
            (await db.Cases.SingleAsync(x => x.Id == c.Id)).Title = title;
            await db.SaveChangesAsync();
        }

        Assert.Empty(await FindAsync(old));
        Assert.Equal([c.CaseNumber], await FindAsync(fresh));
        Assert.Equal([c.CaseNumber], await FindAsync(title));
    }

    [Fact]
    public async Task Assessments_and_internal_notes_are_never_searched()
    {
        var secret = Word("Hemmelig");
        var c = await EvaluatedAsync();
        await using (var db = await App.DbAsync())
        {
            db.Assessments.Add(new Assessment
            {
                CaseId = c.Id, AssessorUserId = "x", AssessorName = "Direktør", Comment = secret, CreatedAt = DateTime.UtcNow,
                Scores = [new CriterionScore { Criterion = Criterion.NewAndOriginal, Score = 2, Comment = secret }],
            });
            db.CaseNotes.Add(new CaseNote { CaseId = c.Id, AuthorUserId = "x", AuthorName = "X", Body = secret, CreatedAt = DateTime.UtcNow });
            await db.SaveChangesAsync();
        }

        Assert.Empty(await FindAsync(secret));
    }

    [Fact]
    public async Task The_advisory_board_finds_nothing_by_text()
    {
        var word = Word("Panel");
        await EvaluatedAsync(lessons: word);

        Assert.NotEmpty(await FindAsync(word, DemoUsers.Mbu));
        Assert.Empty(await FindAsync(word, DemoUsers.Panel));
    }
}
