using InnovationCases.Domain;
using InnovationCases.Features.Learnings;
using InnovationCases.Tests.Features.Cases;
using InnovationCases.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace InnovationCases.Tests.Features.Learnings;

public class LearningsServiceTests(CasesAppFixture fixture) : IClassFixture<CasesAppFixture>
{
    private TestApp App => fixture.App;
    private LearningsService Learnings => App.AppServices.GetRequiredService<LearningsService>();

    private Task<InnovationCase> StoppedAsync(string lead, string lessons, Theme theme) =>
        Arrange.CaseAsync(App, Stage.Stopped, leadCode: lead, granted: 400_000, configure: c =>
        {
            c.Theme = theme;
            c.EffectReports.Add(new EffectReport
            {
                Year = DateTime.UtcNow.Year, IsFinal = true, LessonsLearned = lessons, Narrative = "Stoppet efter fase 1.",
                ReportedByUserId = "x", ReportedByName = "Sara Lund", CreatedAt = DateTime.UtcNow,
            });
        });

    [Fact]
    public async Task Lessons_are_found_by_text_theme_and_department()
    {
        var c = await StoppedAsync("MTM", "Kalibrér sensorerne før udrulning", Theme.Mobility);
        var caseworker = await App.ActorAsync(DemoUsers.Caseworker);

        Assert.Contains(await Learnings.SearchAsync("kalibrér", null, null, caseworker), l => l.CaseNumber == c.CaseNumber);
        Assert.Contains(await Learnings.SearchAsync(null, Theme.Mobility, null, caseworker), l => l.CaseNumber == c.CaseNumber);
        Assert.DoesNotContain(await Learnings.SearchAsync(null, Theme.Health, null, caseworker), l => l.CaseNumber == c.CaseNumber);
        var all = await Learnings.SearchAsync(null, null, null, caseworker);
        Assert.All(all, l => Assert.Contains(l.Stage, new[] { Stage.Evaluated, Stage.Stopped }));
        Assert.Contains(all, l => l.Stage == Stage.Evaluated);
    }

    [Fact]
    public async Task An_entry_shows_each_indicators_baseline_latest_value_target_and_share_of_the_way()
    {
        var c = await StoppedAsync("MKB", "Måling af indikatorer " + Guid.NewGuid().ToString("N")[..6], Theme.Digitalisation);
        await using (var db = await App.DbAsync())
        {
            db.Indicators.Add(new InnovationCases.Domain.Delivery.Indicator
            {
                CaseId = c.Id, Name = "Affald", Unit = "ton", Baseline = 100, Target = 60, TargetDate = new DateOnly(2030, 1, 1), CreatedAt = DateTime.UtcNow,
                Measurements = [new InnovationCases.Domain.Delivery.Measurement { Date = new DateOnly(2026, 6, 1), Value = 90, ByUserId = "x", ByName = "X" }],
            });
            await db.SaveChangesAsync();
        }

        var entry = Assert.Single(await Learnings.SearchAsync(null, null, null, await App.ActorAsync(DemoUsers.Caseworker)), l => l.CaseNumber == c.CaseNumber);

        var outcome = Assert.Single(entry.Indicators);
        Assert.Equal(25, outcome.PercentOfWay);
        Assert.Equal("Affald: 100 → 90 ton (mål 60) – 25 % af vejen til målet", outcome.Describe());
    }

    [Theory]
    [InlineData(DemoUsers.Caseworker)]
    [InlineData(DemoUsers.Director)]
    [InlineData(DemoUsers.Manager)]
    [InlineData(DemoUsers.Mbu)]
    [InlineData(DemoUsers.Admin)]
    public async Task Every_role_reads_every_departments_lessons(string email)
    {
        var other = await StoppedAsync("MSO", "Kun for Sundhed og Omsorg", Theme.Health);
        var actor = await App.ActorAsync(email);

        var found = await Learnings.SearchAsync(null, null, null, actor);

        Assert.Contains(found, l => l.CaseNumber == other.CaseNumber);
    }

    [Fact]
    public async Task A_role_outside_the_allow_list_reads_nothing()
    {
        await StoppedAsync("MSO", "Noget der kan læses", Theme.Health);
        var stranger = new Actor("x", "X", (Role)99, null);

        Assert.Empty(await Learnings.SearchAsync(new LearningsQuery(), stranger));
    }

    [Fact]
    public async Task The_story_is_searchable_and_a_hit_in_the_title_ranks_first()
    {
        var word = "Zebraovergang" + Guid.NewGuid().ToString("N")[..6];
        var inStory = await StoppedAsync("MSO", "Intet særligt", Theme.Mobility);
        var inTitle = await StoppedAsync("MSO", "Intet særligt", Theme.Mobility);
        await using (var db = await App.DbAsync())
        {
            db.Stories.Add(new Story { CaseId = inStory.Id, Title = "Fortælling", Lead = "Kort", BodyMarkdown = "Om en " + word, UpdatedAt = DateTime.UtcNow });
            var c = await db.Cases.SingleAsync(x => x.Id == inTitle.Id);
            c.Title = "Projekt " + word;
            await db.SaveChangesAsync();
        }

        var found = await Learnings.SearchAsync(new LearningsQuery(Text: word.ToLowerInvariant()), await App.ActorAsync(DemoUsers.Mbu));

        Assert.Equal([inTitle.CaseNumber, inStory.CaseNumber], found.Select(l => l.CaseNumber));
    }

    [Fact]
    public async Task Outcome_and_realised_gain_filter_the_entries()
    {
        var stopped = await StoppedAsync("MTM", "Stoppet", Theme.SickLeave);
        var caseworker = await App.ActorAsync(DemoUsers.Caseworker);

        var evaluatedOnly = await Learnings.SearchAsync(new LearningsQuery(Outcome: Stage.Evaluated), caseworker);
        var withGain = await Learnings.SearchAsync(new LearningsQuery(MinRealisedGain: 1), caseworker);

        Assert.DoesNotContain(evaluatedOnly, l => l.CaseNumber == stopped.CaseNumber);
        Assert.All(evaluatedOnly, l => Assert.Equal(Stage.Evaluated, l.Stage));
        Assert.DoesNotContain(withGain, l => l.CaseNumber == stopped.CaseNumber);
        Assert.All(withGain, l => Assert.True(l.RealisedAnnualGain >= 1));
    }
}
