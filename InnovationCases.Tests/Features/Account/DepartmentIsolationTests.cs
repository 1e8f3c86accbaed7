using InnovationCases.Features.Moves;
using InnovationCases.Data;
using InnovationCases.Domain;
using InnovationCases.Domain.Workflow;
using InnovationCases.Features.Cases;
using InnovationCases.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace InnovationCases.Tests.Features.Account;

/// <summary>Service level, bypassing the UI: roles and department isolation are enforced by the server.</summary>
public sealed class DepartmentIsolationTests(AccountAppFixture fixture) : IClassFixture<AccountAppFixture>
{
    private TestApp App => fixture.App;
    private CaseWorkflowService Workflow => App.AppServices.GetRequiredService<CaseWorkflowService>();

    /// <summary>Data that satisfies every trigger's rules, so only the actor can be the reason for a refusal.</summary>
    private static MoveData Complete(Trigger trigger) => trigger switch
    {
        Trigger.SendBack => new SendBackData("Begrundelse"),
        Trigger.Reject => new RejectData("Begrundelse"),
        Trigger.Withdraw => new WithdrawData("Begrundelse"),
        Trigger.Recommend => new RecommendData(400_000),
        Trigger.Grant => new GrantData(400_000, new DateOnly(2026, 1, 15), "BY-2026-1"),
        Trigger.Complete => new CompleteData("Gennemført som planlagt.", 350_000),
        Trigger.Evaluate => new EvaluateData(200_000, "Målt før og efter.", "Start småt.", true),
        Trigger.Stop => new StopData("Begrundelse", "Start småt.", 350_000),
        _ => MoveData.Empty(trigger),
    };

    [Theory]
    [InlineData(Trigger.Screen, Stage.Submitted)]
    [InlineData(Trigger.Recommend, Stage.Screened)]
    [InlineData(Trigger.Grant, Stage.Recommended)]
    public async Task Department_staff_cannot_screen_recommend_or_grant_on_the_cross_cutting_pool_even_for_their_own_case(Trigger trigger, Stage from)
    {
        var c = await Arrange.CaseAsync(App, from, leadCode: "MBU", qualifyingAssessment: true);
        var mbu = await App.ActorAsync(DemoUsers.Mbu);

        var result = await Workflow.FireAsync(c.CaseNumber, Complete(trigger), mbu, c.Version);

        var refused = Assert.IsType<MoveResult.Refused>(result);
        Assert.Contains(refused.Reasons, r => r.Contains("Medarbejder", StringComparison.OrdinalIgnoreCase));
        Assert.Equal(from, await StageOfAsync(c.CaseNumber));
    }

    [Fact]
    public async Task The_same_staff_may_screen_a_case_in_their_own_departments_local_pool()
    {
        var c = await Arrange.CaseAsync(App, Stage.Submitted, leadCode: "MBU", localFunds: true);
        var mbu = await App.ActorAsync(DemoUsers.Mbu);

        var result = await Workflow.FireAsync(c.CaseNumber, new ScreenData(), mbu, c.Version);

        Assert.IsType<MoveResult.Moved>(result);
    }

    [Theory]
    [InlineData(Trigger.Withdraw, Stage.Submitted)]
    [InlineData(Trigger.Screen, Stage.Submitted)]
    [InlineData(Trigger.Complete, Stage.Granted)]
    public async Task Department_staff_cannot_move_another_departments_case(Trigger trigger, Stage from)
    {
        var c = await Arrange.CaseAsync(App, from, leadCode: "MSO", localFunds: true);
        var mbu = await App.ActorAsync(DemoUsers.Mbu);

        var fired = await Workflow.FireAsync(c.CaseNumber, Complete(trigger), mbu, c.Version);

        Assert.IsType<MoveResult.NotFound>(fired);
        Assert.Equal(from, await StageOfAsync(c.CaseNumber));
    }

    [Fact]
    public async Task Department_staff_cannot_read_another_departments_case_through_any_query()
    {
        var other = await Arrange.CaseAsync(App, Stage.Screened, leadCode: "MSO");
        var partnered = await Arrange.CaseAsync(App, Stage.Screened, leadCode: "MSO", partnerCodes: ["MBU"]);
        var mbu = await App.ActorAsync(DemoUsers.Mbu);

        await using var db = await App.DbAsync();
        Assert.False(await db.Cases.VisibleTo(mbu).AnyAsync(c => c.Id == other.Id));
        Assert.Empty(await db.Cases.VisibleTo(mbu).Where(c => c.LeadDepartmentId == other.LeadDepartmentId && !c.PartnerDepartments.Any()).ToListAsync());
        Assert.True(await db.Cases.VisibleTo(mbu).AnyAsync(c => c.Id == partnered.Id), "A case MBU is partner in is visible.");

        var loaded = await db.Cases.Include(c => c.PartnerDepartments).SingleAsync(c => c.Id == other.Id);
        Assert.False(mbu.CanSee(loaded));
        Assert.Null(await Workflow.GetMovesAsync(other.CaseNumber, mbu));
    }

    [Fact]
    public async Task Every_case_department_staff_can_query_involves_their_department()
    {
        var mbu = await App.ActorAsync(DemoUsers.Mbu);

        await using var db = await App.DbAsync();
        var visible = await db.Cases.VisibleTo(mbu).Include(c => c.PartnerDepartments).ToListAsync();

        Assert.NotEmpty(visible);
        Assert.All(visible, c => Assert.True(c.InvolvesDepartment(mbu.DepartmentId!.Value)));
        Assert.True(await db.Cases.CountAsync() > visible.Count);
    }

    [Theory]
    [InlineData(Trigger.Screen, Stage.Submitted)]
    [InlineData(Trigger.SendBack, Stage.Screened)]
    [InlineData(Trigger.Recommend, Stage.Screened)]
    [InlineData(Trigger.Grant, Stage.Recommended)]
    [InlineData(Trigger.Complete, Stage.Granted)]
    [InlineData(Trigger.Evaluate, Stage.Implemented)]
    [InlineData(Trigger.Stop, Stage.Granted)]
    [InlineData(Trigger.Reject, Stage.Screened)]
    [InlineData(Trigger.Withdraw, Stage.Submitted)]
    public async Task A_manager_cannot_fire_anything(Trigger trigger, Stage from)
    {
        var c = await Arrange.CaseAsync(App, from, leadCode: "BA", qualifyingAssessment: true);
        var manager = await App.ActorAsync(DemoUsers.Manager);

        var result = await Workflow.FireAsync(c.CaseNumber, Complete(trigger), manager, c.Version);
        var moves = await Workflow.GetMovesAsync(c.CaseNumber, manager);

        Assert.IsType<MoveResult.Refused>(result);
        Assert.Equal(from, await StageOfAsync(c.CaseNumber));
        Assert.NotNull(moves);
        Assert.DoesNotContain(moves.Options, o => o.Allowed);
    }

    private async Task<Stage> StageOfAsync(string caseNumber)
    {
        await using var db = await App.DbAsync();
        return await db.Cases.Where(c => c.CaseNumber == caseNumber).Select(c => c.Stage).SingleAsync();
    }
}
