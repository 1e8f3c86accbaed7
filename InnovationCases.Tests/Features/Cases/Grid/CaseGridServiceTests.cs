using InnovationCases.Domain;
using InnovationCases.Features.Cases.Grid;
using InnovationCases.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using InnovationCases.Tests.Features.Cases;

namespace InnovationCases.Tests.Features.Cases.Grid;

public class CaseGridServiceTests(CasesAppFixture fixture) : IClassFixture<CasesAppFixture>
{
    private TestApp App => fixture.App;
    private CaseGridService Grid => App.AppServices.GetRequiredService<CaseGridService>();

    [Fact]
    public async Task Filters_combine_and_free_text_matches_number_title_and_summary()
    {
        var c = await Arrange.CaseAsync(App, Stage.Screened, leadCode: "MKB", requested: 777_000,
            configure: x => { x.Title = "Zebraovergange med lys"; x.Summary = "Blinkende felter ved skoler"; x.Theme = Theme.Mobility; });
        var caseworker = await App.ActorAsync(DemoUsers.Caseworker);

        async Task<IReadOnlyList<CaseRow>> Query(CaseGridFilter f) => (await Grid.QueryAsync(f, 0, 50, null, false, caseworker)).Rows;

        Assert.Contains(await Query(new() { Text = "zebraover" }), r => r.CaseNumber == c.CaseNumber);
        Assert.Contains(await Query(new() { Text = "Blinkende" }), r => r.CaseNumber == c.CaseNumber);
        Assert.Contains(await Query(new() { Text = c.CaseNumber }), r => r.CaseNumber == c.CaseNumber);
        var all = await Query(new() { Stage = Stage.Screened, Theme = Theme.Mobility, MinAmount = 777_000, MaxAmount = 777_000, PoolKind = PoolKind.CrossCutting });
        Assert.Contains(all, r => r.CaseNumber == c.CaseNumber);
        Assert.All(all, r => Assert.Equal(Stage.Screened, r.Stage));
        Assert.DoesNotContain(await Query(new() { Text = "zebra", Stage = Stage.Granted }), r => r.CaseNumber == c.CaseNumber);
        // Each column matches on its own: text across the end of the title and the start of the
        // summary is no match (PostgreSQL's index is over the joined text; its query checks the columns).
        Assert.DoesNotContain(await Query(new() { Text = "med lys Blinkende" }), r => r.CaseNumber == c.CaseNumber);
        Assert.DoesNotContain(await Query(new() { Text = c.CaseNumber + " Zebra" }), r => r.CaseNumber == c.CaseNumber);
    }

    [Fact]
    public async Task Free_text_ignores_case_also_for_Danish_letters_and_follows_edits()
    {
        var c = await Arrange.CaseAsync(App, Stage.Submitted, configure: x => x.Title = "Gårdhaver for ældre på plejecentre");
        var caseworker = await App.ActorAsync(DemoUsers.Caseworker);

        async Task<IReadOnlyList<CaseRow>> Query(string text) => (await Grid.QueryAsync(new() { Text = text }, 0, 50, null, false, caseworker)).Rows;

        Assert.Contains(await Query("GÅRDHAVER FOR ÆLDRE"), r => r.CaseNumber == c.CaseNumber);
        Assert.Contains(await Query("æl"), r => r.CaseNumber == c.CaseNumber); // two letters: no trigram, LIKE instead

        await using (var db = await App.DbAsync())
        {
            var stored = await db.Cases.SingleAsync(x => x.Id == c.Id);
            stored.Title = "Sansehaver på plejecentre";
            await db.SaveChangesAsync();
        }

        Assert.DoesNotContain(await Query("gårdhaver"), r => r.CaseNumber == c.CaseNumber);
        Assert.Contains(await Query("sansehaver"), r => r.CaseNumber == c.CaseNumber);
    }

    [Fact]
    public async Task Sorting_and_paging_happen_in_the_query()
    {
        var caseworker = await App.ActorAsync(DemoUsers.Caseworker);
        var (page0, total) = await Grid.QueryAsync(new(), 0, 10, nameof(CaseRow.RequestedAmount), true, caseworker);
        var (page1, _) = await Grid.QueryAsync(new(), 1, 10, nameof(CaseRow.RequestedAmount), true, caseworker);

        Assert.True(total >= 60);
        Assert.Equal(10, page0.Count);
        Assert.Equal(page0.OrderByDescending(r => r.RequestedAmount).Select(r => r.CaseNumber), page0.Select(r => r.CaseNumber));
        Assert.True(page0.Min(r => r.RequestedAmount) >= page1.Max(r => r.RequestedAmount));
        Assert.Empty(page0.Select(r => r.CaseNumber).Intersect(page1.Select(r => r.CaseNumber)));
    }

    [Fact]
    public async Task Department_staff_get_nothing_from_the_grid()
    {
        var (rows, total) = await Grid.QueryAsync(new(), 0, 10, null, false, await App.ActorAsync(DemoUsers.Mbu));
        Assert.Empty(rows);
        Assert.Equal(0, total);
    }

    [Fact]
    public async Task Stage_sorts_in_workflow_order_and_the_department_filter_includes_partner_cases()
    {
        var partnerCase = await Arrange.CaseAsync(App, Stage.Granted, leadCode: "BA", partnerCodes: ["MKB"]);
        var caseworker = await App.ActorAsync(DemoUsers.Caseworker);
        await using var db = await App.DbAsync();
        var mkb = await db.Departments.Where(d => d.Code == "MKB").Select(d => d.Id).SingleAsync();

        var (rows, _) = await Grid.QueryAsync(new(), 0, 100, nameof(CaseRow.Stage), false, caseworker);
        var order = rows.Select(r => StageOrder(r.Stage)).ToList();
        Assert.Equal(order.Order(), order);

        var (byDepartment, _) = await Grid.QueryAsync(new() { DepartmentId = mkb }, 0, 100, null, false, caseworker);
        Assert.Contains(byDepartment, r => r.CaseNumber == partnerCase.CaseNumber);
        var involved = await db.Cases.Where(c => c.LeadDepartmentId == mkb || c.PartnerDepartments.Any(p => p.DepartmentId == mkb)).Select(c => c.CaseNumber).ToListAsync();
        Assert.Equal(involved.Order(), byDepartment.Select(r => r.CaseNumber).Order());
    }

    private static int StageOrder(Stage s) => s switch
    {
        Stage.Rejected => 6,
        Stage.Withdrawn => 7,
        Stage.Stopped => 8,
        _ => (int)s,
    };
}
