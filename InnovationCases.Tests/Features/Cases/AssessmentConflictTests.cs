using InnovationCases.Domain;
using InnovationCases.Features.Assignments;
using InnovationCases.Features.Cases;
using InnovationCases.Features.Cases.Assessments;
using InnovationCases.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace InnovationCases.Tests.Features.Cases;

public sealed class AssessmentConflictTests(CasesAppFixture fixture) : IClassFixture<CasesAppFixture>
{
    private TestApp App => fixture.App;

    [Fact]
    public async Task An_assessor_who_declared_a_conflict_of_interest_cannot_score_the_case()
    {
        var c = await Arrange.CaseAsync(App, Stage.Screened, leadCode: "BA");
        var mso = await App.ActorAsync("direktoer.mso@aarhus.example");
        var assignments = App.AppServices.GetRequiredService<AssignmentService>();
        Assert.IsType<CaseCommandResult.Done>(await assignments.AssignAsync(c.CaseNumber,
            new AssignmentInput { UserIds = [mso.UserId], DueDate = DanishTime.Today(DateTime.UtcNow).AddDays(7) }, await App.ActorAsync(DemoUsers.Caseworker)));
        Assert.IsType<CaseCommandResult.Done>(await assignments.DeclareConflictAsync(c.CaseNumber, "Min søster leder projektet.", mso));
        var input = new AssessmentInput { MainCriterionMet = true, Comment = "God idé." };
        foreach (var k in Enum.GetValues<Criterion>())
        {
            input.Scores[k] = 4;
        }

        var refused = Assert.IsType<CaseCommandResult.Refused>(await App.AppServices.GetRequiredService<AssessmentService>().AddAsync(c.CaseNumber, input, mso));

        Assert.Equal("Du har erklæret dig inhabil i sagen og kan derfor ikke bedømme den.", refused.Reason);
        await using var db = await App.DbAsync();
        Assert.False(await db.Assessments.AnyAsync(a => a.CaseId == c.Id));
    }
}
