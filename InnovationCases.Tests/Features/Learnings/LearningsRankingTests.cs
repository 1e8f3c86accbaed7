using InnovationCases.Data;
using InnovationCases.Domain;
using InnovationCases.Features.Learnings;
using InnovationCases.Tests.Features.Cases;
using InnovationCases.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace InnovationCases.Tests.Features.Learnings;

/// <summary>
/// The ranked search reads the index's matches best first and joins the filters only as far as the list needs
/// (<c>LearningsService.BestMatchesAsync</c>). These tests hold it to the plain definition: score every match,
/// filter, order by score, then the report's date, then the report, and take <see cref="LearningsService.Limit"/>.
/// The data puts the best-scoring entries where the filters drop them and gives many entries the same score.
/// </summary>
public class LearningsRankingTests(LearningsRankingTests.Bank bank) : IClassFixture<LearningsRankingTests.Bank>
{
    private const int Strong = 150;
    private const int Ordinary = 320;

    private TestApp App => bank.App;
    private string Word => bank.Word;
    private LearningsService Learnings => App.AppServices.GetRequiredService<LearningsService>();

    public static TheoryData<string> Filters() =>
        ["none", "theme", "lead department", "partner department", "outcome", "minimum gain", "all of them"];

    [Theory]
    [MemberData(nameof(Filters))]
    public async Task The_search_returns_the_same_best_entries_as_scoring_every_match(string filter)
    {
        var query = await QueryAsync(filter);

        var expected = await EveryMatchScoredAsync(query);
        var found = await Learnings.SearchAsync(query, await App.ActorAsync(DemoUsers.Caseworker));

        Assert.Equal(expected.Select(e => (e.CaseNumber, e.ReportedAt)), found.Select(l => (l.CaseNumber, l.ReportedAt)));
    }

    [Fact]
    public async Task The_data_drops_the_best_matches_fills_the_list_and_ties_at_its_end()
    {

        var unfiltered = await EveryMatchScoredAsync(new LearningsQuery(Text: Word), all: true);
        var byTheme = await EveryMatchScoredAsync(await QueryAsync("theme"), all: true);

        // Without filters the strong entries lead; the theme filter drops every one of them and still fills the list.
        Assert.True(unfiltered.Take(Strong).All(e => e.Theme == Theme.Health));
        Assert.DoesNotContain(byTheme, e => e.Theme == Theme.Health);
        Assert.True(byTheme.Count > LearningsService.Limit);
        // Entries on both sides of the list's end score the same: the report's date (then the report) decides.
        Assert.Equal(unfiltered[LearningsService.Limit - 1].Score, unfiltered[LearningsService.Limit].Score);
        Assert.Equal(byTheme[LearningsService.Limit - 1].Score, byTheme[LearningsService.Limit].Score);
        Assert.Contains(byTheme.Take(LearningsService.Limit).GroupBy(e => (e.Score, e.ReportedAt)), g => g.Count() > 1);
    }

    private async Task<LearningsQuery> QueryAsync(string filter)
    {
        await using var db = await App.DbAsync();
        var departments = await db.Departments.ToDictionaryAsync(d => d.Code, d => d.Id);
        return filter switch
        {
            "none" => new LearningsQuery(Text: Word),
            "theme" => new LearningsQuery(Text: Word, Theme: Theme.Mobility),
            "lead department" => new LearningsQuery(Text: Word, DepartmentId: departments["MTM"]),
            "partner department" => new LearningsQuery(Text: Word, DepartmentId: departments["MBU"]),
            "outcome" => new LearningsQuery(Text: Word, Outcome: Stage.Evaluated),
            "minimum gain" => new LearningsQuery(Text: Word, MinRealisedGain: 20_000),
            "all of them" => new LearningsQuery(Text: Word.ToUpperInvariant() + " hverdagen", Theme.Mobility, departments["MTM"], Stage.Stopped, 10_000),
            _ => throw new ArgumentOutOfRangeException(nameof(filter)),
        };
    }

    private sealed record Scored(string CaseNumber, DateTime ReportedAt, int ReportId, double Score, Theme Theme);

    /// <summary>The plain definition, in memory: every match with its score, filtered, ordered, taken.</summary>
    private async Task<List<Scored>> EveryMatchScoredAsync(LearningsQuery query, bool all = false)
    {
        await using var db = await App.DbAsync();
        var scores = await LearningTextSearch.Matching(db, query.Text!).ToDictionaryAsync(m => m.CaseId, m => m.Score);
        var entries = await (from r in db.EffectReports
                             where r.IsFinal
                             join c in db.Cases on r.CaseId equals c.Id
                             select new
                             {
                                 c.Id, c.CaseNumber, c.Stage, c.Theme, c.LeadDepartmentId, Partners = c.PartnerDepartments.Select(p => p.DepartmentId).ToList(),
                                 r.RealisedAnnualGain, r.CreatedAt, ReportId = r.Id,
                             }).ToListAsync();
        var passing = entries.Where(e => scores.ContainsKey(e.Id)
            && e.Stage is Stage.Evaluated or Stage.Stopped
            && (query.Outcome is null || e.Stage == query.Outcome)
            && (query.Theme is null || e.Theme == query.Theme)
            && (query.DepartmentId is null || e.LeadDepartmentId == query.DepartmentId || e.Partners.Contains(query.DepartmentId.Value))
            && (query.MinRealisedGain is null || e.RealisedAnnualGain >= query.MinRealisedGain));
        return passing
            .Select(e => new Scored(e.CaseNumber, e.CreatedAt, e.ReportId, scores[e.Id], e.Theme))
            .OrderByDescending(e => e.Score).ThenByDescending(e => e.ReportedAt).ThenByDescending(e => e.ReportId)
            .Take(all ? int.MaxValue : LearningsService.Limit)
            .ToList();
    }

    /// <summary>
    /// <see cref="Strong"/> entries with the word in the title and the lessons (the best scores), all of a theme,
    /// department and gain the filters drop; <see cref="Ordinary"/> entries with it once to four times in the
    /// lessons (four scores, shared by many; the best of them straddles the list's end without filters), in the
    /// story of some, some with two final reports, reported within the same half hour (many share a minute).
    /// </summary>
    public class Bank : CasesAppFixture, IAsyncLifetime
    {
        private static int _sequence = 60_000;

        public Bank()
            : this(null)
        {
        }

        /// <summary>For the provider matrix (Data/Postgres/ProviderMatrix.cs).</summary>
        protected Bank(DatabaseProvider? provider)
            : base(provider)
        {
        }

        /// <summary>This bank's own word: nothing else in its database matches it.</summary>
        public string Word { get; } = "Rangliste" + Guid.NewGuid().ToString("N")[..8];

        public Task DisposeAsync() => Task.CompletedTask;

        public async Task InitializeAsync()
        {
            var template = await Arrange.CaseAsync(App, Stage.Evaluated, leadCode: "MTM", granted: 300_000);
            await using var db = await App.DbAsync();
            var departments = await db.Departments.ToDictionaryAsync(d => d.Code, d => d.Id);
            var source = await db.Cases.AsNoTracking().SingleAsync(c => c.Id == template.Id);
            var reported = DateTime.UtcNow.Date.AddDays(-1);
            var withStory = new List<InnovationCase>();
            for (var i = 0; i < Strong + Ordinary; i++)
            {
                var strong = i < Strong;
                var c = (InnovationCase)db.Entry(source).CurrentValues.ToObject();
                c.Id = 0;
                c.CaseNumber = CaseNumbers.Format(source.BudgetYear, Interlocked.Increment(ref _sequence));
                c.Title = strong ? "Projekt " + Word : "Projekt uden ordet";
                c.Theme = strong ? Theme.Health : i % 3 == 0 ? Theme.WelfareTechnology : Theme.Mobility;
                c.LeadDepartmentId = departments[strong ? "MSO" : "MTM"];
                c.Stage = strong || i % 2 == 0 ? Stage.Stopped : Stage.Evaluated;
                if (!strong && i % 5 == 0)
                {
                    c.PartnerDepartments.Add(new CasePartnerDepartment { DepartmentId = departments["MBU"] });
                }

                var lessons = strong ? Word + " i hverdagen" : string.Join(' ', Enumerable.Repeat(Word, 1 + i % 4)) + " i hverdagen";
                for (var report = 0; report < (!strong && i % 40 == 1 ? 2 : 1); report++)
                {
                    c.EffectReports.Add(new EffectReport
                    {
                        Year = source.BudgetYear, IsFinal = true, LessonsLearned = lessons, Narrative = "Effekter.",
                        RealisedAnnualGain = strong ? 0 : i % 7 * 10_000,
                        ReportedByUserId = "x", ReportedByName = "X", CreatedAt = reported.AddMinutes(-(i % 30)).AddSeconds(-report),
                    });
                }

                db.Cases.Add(c);
                if (!strong && i % 8 == 2)
                {
                    withStory.Add(c);
                }
            }

            await db.SaveChangesAsync();
            db.Stories.AddRange(withStory.Select(c => new Story { CaseId = c.Id, Title = "Fortælling", Lead = "Kort", BodyMarkdown = "Om " + Word, UpdatedAt = reported }));
            await db.SaveChangesAsync();
        }
    }
}
