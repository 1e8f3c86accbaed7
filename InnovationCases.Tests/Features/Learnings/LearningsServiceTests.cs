using InnovationCases.Domain;
using InnovationCases.Features.Learnings;
using InnovationCases.Tests.Features.Cases;
using InnovationCases.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace InnovationCases.Tests.Features.Learnings;

public sealed class LearningsServiceTests(CasesAppFixture fixture) : IClassFixture<CasesAppFixture>
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
    public async Task Department_staff_see_lessons_of_their_own_cases_only()
    {
        var other = await StoppedAsync("MSO", "Kun for Sundhed og Omsorg", Theme.Health);
        var own = await StoppedAsync("MBU", "Erfaring fra Børn og Unge", Theme.Health);
        var mbu = await App.ActorAsync(DemoUsers.Mbu);

        var found = await Learnings.SearchAsync(null, null, null, mbu);

        Assert.Contains(found, l => l.CaseNumber == own.CaseNumber);
        Assert.DoesNotContain(found, l => l.CaseNumber == other.CaseNumber);
    }
}
