using System.Net;
using InnovationCases.Data;
using InnovationCases.Domain;
using InnovationCases.Domain.Assignments;
using InnovationCases.Domain.Workflow;
using InnovationCases.Features.Assignments;
using InnovationCases.Features.Board;
using InnovationCases.Features.Cases;
using InnovationCases.Features.Cases.Assessments;
using InnovationCases.Features.Cases.Grid;
using InnovationCases.Features.Cases.Page;
using InnovationCases.Features.Dashboard;
using InnovationCases.Features.Learnings;
using InnovationCases.Features.Live;
using InnovationCases.Features.Moves;
using InnovationCases.Features.MyCases;
using InnovationCases.Features.Pools;
using InnovationCases.Features.Reports;
using InnovationCases.Tests.Features.Account;
using InnovationCases.Tests.Features.Cases;
using InnovationCases.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace InnovationCases.Tests.Features.Assignments;

/// <summary>
/// The advisory board member (panel@) reads the cases assigned to them and nothing else, by any
/// path a case is read by; never sees contact details; moves and scores nothing; writes advice.
/// </summary>
public sealed class AdvisoryBoardAccessTests(CasesAppFixture fixture) : IClassFixture<CasesAppFixture>
{
    private TestApp App => fixture.App;
    private T Get<T>() where T : notnull => App.AppServices.GetRequiredService<T>();

    private async Task<(InnovationCase Assigned, InnovationCase Other, Actor Panel)> ArrangeAsync(Stage stage = Stage.Screened)
    {
        var assigned = await Arrange.CaseAsync(App, stage, leadCode: "MSO", configure: c => { c.ContactPhone = "+45 11 22 33 44"; c.Title = "Panelsag " + Guid.NewGuid().ToString("N")[..6]; });
        var other = await Arrange.CaseAsync(App, stage, leadCode: "MSO", configure: c => c.Title = "Anden sag " + Guid.NewGuid().ToString("N")[..6]);
        var panel = await App.ActorAsync(DemoUsers.Panel);
        var caseworker = await App.ActorAsync(DemoUsers.Caseworker);
        var due = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(10);
        if (stage.IsActive())
        {
            var input = new AssignmentInput { UserIds = [panel.UserId], Kind = AssignmentKind.Advice, DueDate = due };
            Assert.IsType<CaseCommandResult.Done>(await Get<AssignmentService>().AssignAsync(assigned.CaseNumber, input, caseworker));
        }
        else
        {
            // Closed cases take no new assignments; this one was assigned while it was open.
            await using var db = await App.DbAsync();
            db.CaseAssignments.Add(new CaseAssignment
            {
                CaseId = assigned.Id, UserId = panel.UserId, UserName = panel.Name, Kind = AssignmentKind.Advice, DueDate = due,
                AssignedByUserId = caseworker.UserId, AssignedByName = caseworker.Name, AssignedAt = DateTime.UtcNow,
            });
            await db.SaveChangesAsync();
        }
        return (assigned, other, panel);
    }

    [Fact]
    public async Task The_case_page_opens_the_assigned_case_without_contact_details_and_not_the_other_by_url()
    {
        var (assigned, other, panel) = await ArrangeAsync();

        var details = await Get<CaseDetailsService>().GetAsync(assigned.CaseNumber, panel);

        Assert.NotNull(details);
        Assert.Equal("", details.Case.ContactEmail);
        Assert.Equal("", details.Case.ContactPhone);
        Assert.Null(await Get<CaseDetailsService>().GetAsync(other.CaseNumber, panel));
        var caseworkerView = await Get<CaseDetailsService>().GetAsync(assigned.CaseNumber, await App.ActorAsync(DemoUsers.Caseworker));
        Assert.Equal("+45 11 22 33 44", caseworkerView!.Case.ContactPhone);
    }

    [Fact]
    public async Task The_board_its_panel_and_its_live_cards_show_the_member_nothing()
    {
        var (assigned, _, panel) = await ArrangeAsync();
        var boards = Get<BoardService>();

        var snapshot = await boards.LoadAsync(panel, new BoardFilter(), 50);
        var more = await boards.LoadMoreAsync(panel, new BoardFilter(), Stage.Screened, null, 50);

        Assert.All(snapshot.Totals.Values, t => Assert.Equal(0, t.Count));
        Assert.Empty(snapshot.Cards.Values.SelectMany(c => c));
        Assert.Empty(more.Items);
        Assert.Null(await boards.LoadDetailsAsync(assigned.CaseNumber, panel));
        var card = await boards.LoadItemAsync(assigned.Id);
        Assert.False(card!.IsVisibleTo(panel));
    }

    [Fact]
    public async Task The_grid_and_its_search_find_nothing_not_even_the_assigned_case()
    {
        var (assigned, _, panel) = await ArrangeAsync();
        var grid = Get<CaseGridService>();

        var (rows, total) = await grid.QueryAsync(new CaseGridFilter(), 0, 25, null, false, panel);
        var (found, _) = await grid.QueryAsync(new CaseGridFilter { Text = assigned.CaseNumber }, 0, 25, null, false, panel);

        Assert.Empty(rows);
        Assert.Equal(0, total);
        Assert.Empty(found);
        var (byCaseworker, _) = await grid.QueryAsync(new CaseGridFilter { Text = assigned.CaseNumber }, 0, 25, null, false, await App.ActorAsync(DemoUsers.Caseworker));
        Assert.Single(byCaseworker);
    }

    [Fact]
    public async Task Reports_dashboard_pools_learnings_and_my_cases_hold_no_case_for_the_member()
    {
        var (assigned, _, panel) = await ArrangeAsync(Stage.Evaluated);
        var year = assigned.BudgetYear;

        var report = await Get<ReportService>().BuildAsync(new ReportRequest(ReportKind.Finance, year), panel);
        var dashboard = await Get<DashboardAggregates>().ComputeAsync(panel, year, DateTime.UtcNow);
        var entries = await Get<PoolLedgerReader>().EntriesAsync(panel, year);
        var learnings = await Get<LearningsService>().SearchAsync(assigned.Title, null, null, panel);
        var mine = await Get<MyCasesService>().CasesAsync(panel);

        Assert.NotNull(await Get<CaseDetailsService>().GetAsync(assigned.CaseNumber, panel));
        Assert.Empty(report.Rows);
        Assert.Equal(0, dashboard.Applications);
        Assert.All(dashboard.StageCounts.Values, n => Assert.Equal(0, n));
        Assert.Empty(dashboard.Activity);
        Assert.Empty(entries);
        Assert.Empty(learnings);
        Assert.Empty(mine);
    }

    [Theory]
    [InlineData("/reports/finance.csv")]
    [InlineData("/reports/finance.xlsx")]
    public async Task The_exports_refuse_the_member(string path)
    {
        using var client = LoginForm.Client(App);
        var login = await LoginForm.PostAsync(client, DemoUsers.Panel, DemoUsers.Password);
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);

        var response = await client.GetAsync($"{path}?year={DateTime.UtcNow.Year}");

        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("access-denied", response.Headers.Location?.ToString() ?? "", StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_live_change_reaches_the_member_only_for_the_assigned_case()
    {
        var (assigned, other, panel) = await ArrangeAsync();
        var changes = new List<CaseChange>();
        using var subscription = Get<CaseChangeNotifier>().Subscribe(c => { lock (changes) { changes.Add(c); } return Task.CompletedTask; });
        var caseworker = await App.ActorAsync(DemoUsers.Caseworker);
        var director = await App.ActorAsync(DemoUsers.Director);
        var due = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(5);

        await Get<AssignmentService>().AssignAsync(assigned.CaseNumber, new AssignmentInput { UserIds = [director.UserId], DueDate = due }, caseworker);
        await Get<AssignmentService>().AssignAsync(other.CaseNumber, new AssignmentInput { UserIds = [director.UserId], DueDate = due }, caseworker);

        List<CaseChange> seen;
        lock (changes)
        {
            seen = changes.Where(c => c.CaseId == assigned.Id || c.CaseId == other.Id).ToList();
        }

        Assert.Equal(2, seen.Count);
        Assert.True(seen.Single(c => c.CaseId == assigned.Id).IsVisibleTo(panel));
        Assert.False(seen.Single(c => c.CaseId == other.Id).IsVisibleTo(panel));
    }

    [Fact]
    public async Task The_member_fires_no_move_and_scores_nothing_even_on_the_assigned_case()
    {
        var (assigned, _, panel) = await ArrangeAsync();

        var move = await Get<CaseWorkflowService>().FireAsync(assigned.CaseNumber, new RejectData("Nej"), panel, assigned.Version);
        var scored = await Get<AssessmentService>().AddAsync(assigned.CaseNumber, new AssessmentInput { MainCriterionMet = true }, panel);
        var scores = await Get<AssessmentService>().GetAsync(assigned.CaseNumber, panel);

        Assert.IsNotType<MoveResult.Moved>(move);
        Assert.True(scored is CaseCommandResult.Refused or CaseCommandResult.NotFound, $"Scoring was not refused: {scored}");
        Assert.Null(scores);
        await using var db = await App.DbAsync();
        Assert.Equal(Stage.Screened, await db.Cases.Where(c => c.Id == assigned.Id).Select(c => c.Stage).SingleAsync());
        Assert.False(await db.Assessments.AnyAsync(a => a.CaseId == assigned.Id));
    }

    [Fact]
    public async Task The_member_writes_advice_on_the_assigned_case_only_and_caseworkers_read_it()
    {
        var (assigned, other, panel) = await ArrangeAsync();
        var assignments = Get<AssignmentService>();

        var empty = await assignments.AdviseAsync(assigned.CaseNumber, "  ", panel);
        var advised = await assignments.AdviseAsync(assigned.CaseNumber, "Start med én skole.", panel);
        var elsewhere = await assignments.AdviseAsync(other.CaseNumber, "Råd", panel);
        var byDirector = await assignments.AdviseAsync(assigned.CaseNumber, "Råd", await App.ActorAsync(DemoUsers.Director));

        var invalid = Assert.IsType<CaseCommandResult.Invalid>(empty);
        Assert.Equal("Skriv dit råd.", invalid.FieldErrors[AssignmentService.AdviceField]);
        Assert.IsType<CaseCommandResult.Done>(advised);
        Assert.IsType<CaseCommandResult.NotFound>(elsewhere);
        Assert.IsType<CaseCommandResult.Refused>(byDirector);
        var view = await Get<AssignmentReader>().ForCaseAsync(assigned.CaseNumber, await App.ActorAsync(DemoUsers.Caseworker));
        Assert.Equal("Start med én skole.", Assert.Single(view!.Rows).Advice);
        Assert.Null(await Get<AssignmentReader>().ForCaseAsync(assigned.CaseNumber, await App.ActorAsync(DemoUsers.Mso)));
        await using var db = await App.DbAsync();
        Assert.True(await db.CaseEvents.AnyAsync(e => e.CaseId == assigned.Id && e.Kind == CaseEventKind.AdviceGiven));
    }
}
