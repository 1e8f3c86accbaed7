using InnovationCases.Domain;
using InnovationCases.Features.Cases;
using InnovationCases.Features.Cases.Assessments;
using InnovationCases.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using InnovationCases.Tests.Features.Cases;

namespace InnovationCases.Tests.Features.Cases.Assessments;

public sealed class AssessmentServiceTests(CasesAppFixture fixture) : IClassFixture<CasesAppFixture>
{
    private TestApp App => fixture.App;
    private AssessmentService Assessments => App.AppServices.GetRequiredService<AssessmentService>();

    private static AssessmentInput Scored(int score = 4) => new()
    {
        MainCriterionMet = true,
        Scores = Enum.GetValues<Criterion>().ToDictionary(k => k, _ => (int?)score),
        Comment = "Godt projekt",
    };

    private async Task<Actor> DirectorFromAsync(string code)
    {
        await using var db = await App.DbAsync();
        var id = await db.Departments.Where(d => d.Code == code).Select(d => d.Id).SingleAsync();
        return new Actor("director-" + code, "Direktør fra " + code, Role.DirectorGroup, id);
    }

    [Fact]
    public async Task An_assessor_from_a_partner_department_is_refused_with_the_fresh_eyes_reason()
    {
        var c = await Arrange.CaseAsync(App, Stage.Screened, leadCode: "MBU", partnerCodes: ["MSO"]);

        var result = await Assessments.AddAsync(c.CaseNumber, Scored(), await DirectorFromAsync("MSO"));

        var refused = Assert.IsType<CaseCommandResult.Refused>(result);
        Assert.Contains("friske øjne", refused.Reason);
        await using var db = await App.DbAsync();
        Assert.False(await db.Assessments.AnyAsync(a => a.CaseId == c.Id));
    }

    [Fact]
    public async Task An_assessor_from_the_lead_department_is_refused()
    {
        var c = await Arrange.CaseAsync(App, Stage.Screened, leadCode: "MKB");
        var result = await Assessments.AddAsync(c.CaseNumber, Scored(), await DirectorFromAsync("MKB"));
        Assert.IsType<CaseCommandResult.Refused>(result);
    }

    [Fact]
    public async Task A_director_from_outside_the_case_scores_it_and_the_event_is_written()
    {
        var c = await Arrange.CaseAsync(App, Stage.Screened, leadCode: "MBU", partnerCodes: ["MSO"]);
        var director = await DirectorFromAsync("MTM");

        Assert.IsType<CaseCommandResult.Done>(await Assessments.AddAsync(c.CaseNumber, Scored(3), director));

        var view = await Assessments.GetAsync(c.CaseNumber, await App.ActorAsync(DemoUsers.Caseworker));
        var assessment = Assert.Single(view!.Assessments);
        Assert.Equal(7, assessment.Scores.Count);
        Assert.Equal(3m, view.Average(Criterion.CoFinancing));
        await using var db = await App.DbAsync();
        Assert.True(await db.CaseEvents.AnyAsync(e => e.CaseId == c.Id && e.Kind == CaseEventKind.Assessed && e.ActorUserId == director.UserId));
    }

    [Fact]
    public async Task Scores_outside_one_to_five_are_refused()
    {
        var c = await Arrange.CaseAsync(App, Stage.Screened, leadCode: "MBU");
        var input = Scored();
        input.Scores[Criterion.RiskDescribed] = 6;
        var invalid = Assert.IsType<CaseCommandResult.Invalid>(await Assessments.AddAsync(c.CaseNumber, input, await DirectorFromAsync("MTM")));
        Assert.Contains($"Score_{Criterion.RiskDescribed}", invalid.FieldErrors.Keys);
    }

    [Fact]
    public async Task Department_staff_cannot_read_assessments_of_their_own_case()
    {
        var c = await Arrange.CaseAsync(App, Stage.Screened, leadCode: "MBU", qualifyingAssessment: true);

        Assert.Null(await Assessments.GetAsync(c.CaseNumber, await App.ActorAsync(DemoUsers.Mbu)));
        Assert.NotNull(await Assessments.GetAsync(c.CaseNumber, await App.ActorAsync(DemoUsers.Manager)));
        Assert.Single((await Assessments.GetAsync(c.CaseNumber, await App.ActorAsync(DemoUsers.Director)))!.Assessments);
    }

    [Fact]
    public async Task Only_the_director_group_may_assess()
    {
        var c = await Arrange.CaseAsync(App, Stage.Screened, leadCode: "MBU");
        var result = await Assessments.AddAsync(c.CaseNumber, Scored(), await App.ActorAsync(DemoUsers.Caseworker));
        Assert.IsType<CaseCommandResult.Refused>(result);
    }
}
