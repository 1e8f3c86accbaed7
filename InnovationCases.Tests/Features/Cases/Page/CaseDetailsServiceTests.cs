using InnovationCases.Domain;
using InnovationCases.Features.Cases;
using InnovationCases.Features.Cases.Assessments;
using InnovationCases.Features.Cases.Page;
using InnovationCases.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using InnovationCases.Tests.Features.Cases;

namespace InnovationCases.Tests.Features.Cases.Page;

public sealed class CaseDetailsServiceTests(CasesAppFixture fixture) : IClassFixture<CasesAppFixture>
{
    private TestApp App => fixture.App;
    private CaseDetailsService Details => App.AppServices.GetRequiredService<CaseDetailsService>();

    [Fact]
    public async Task Another_departments_case_is_not_found_for_department_staff()
    {
        var c = await Arrange.CaseAsync(App, Stage.Submitted, leadCode: "MSO");
        Assert.Null(await Details.GetAsync(c.CaseNumber, await App.ActorAsync(DemoUsers.Mbu)));
        Assert.NotNull(await Details.GetAsync(c.CaseNumber, await App.ActorAsync(DemoUsers.Mso)));
    }

    [Fact]
    public async Task Department_staff_see_that_a_case_was_assessed_but_not_the_scores_in_its_history()
    {
        var c = await Arrange.CaseAsync(App, Stage.Screened, leadCode: "MBU");
        var director = new Actor("director-x", "Direktør X", Role.DirectorGroup, null);
        var input = new AssessmentInput { MainCriterionMet = true, Scores = Enum.GetValues<Criterion>().ToDictionary(k => k, _ => (int?)5) };
        Assert.IsType<CaseCommandResult.Done>(await App.AppServices.GetRequiredService<AssessmentService>().AddAsync(c.CaseNumber, input, director));

        var staffView = await Details.GetAsync(c.CaseNumber, await App.ActorAsync(DemoUsers.Mbu));
        var caseworkerView = await Details.GetAsync(c.CaseNumber, await App.ActorAsync(DemoUsers.Caseworker));

        Assert.Null(Assert.Single(staffView!.Events, e => e.Kind == CaseEventKind.Assessed).DataJson);
        Assert.Contains("5", Assert.Single(caseworkerView!.Events, e => e.Kind == CaseEventKind.Assessed).DataJson);
    }
}
