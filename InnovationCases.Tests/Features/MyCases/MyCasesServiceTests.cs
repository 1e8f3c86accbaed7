using InnovationCases.Features.Moves;
using InnovationCases.Domain;
using InnovationCases.Domain.Workflow;
using InnovationCases.Features.Cases;
using InnovationCases.Features.MyCases;
using InnovationCases.Tests.Features.Cases;
using InnovationCases.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace InnovationCases.Tests.Features.MyCases;

public sealed class MyCasesServiceTests(CasesAppFixture fixture) : IClassFixture<CasesAppFixture>
{
    private TestApp App => fixture.App;
    private MyCasesService MyCases => App.AppServices.GetRequiredService<MyCasesService>();

    [Fact]
    public async Task Department_staff_see_exactly_the_cases_where_their_department_is_lead_or_partner()
    {
        var partnerCase = await Arrange.CaseAsync(App, Stage.Submitted, leadCode: "MSO", partnerCodes: ["MBU"]);
        var otherCase = await Arrange.CaseAsync(App, Stage.Submitted, leadCode: "MSO");
        var mbu = await App.ActorAsync(DemoUsers.Mbu);

        var rows = await MyCases.CasesAsync(mbu);

        await using var db = await App.DbAsync();
        var mbuId = await db.Departments.Where(d => d.Code == "MBU").Select(d => d.Id).SingleAsync();
        var expected = await db.Cases.Where(c => c.LeadDepartmentId == mbuId || c.PartnerDepartments.Any(p => p.DepartmentId == mbuId))
            .Select(c => c.CaseNumber).ToListAsync();
        Assert.Equal(expected.Order(), rows.Select(r => r.CaseNumber).Order());
        Assert.Contains(rows, r => r.CaseNumber == partnerCase.CaseNumber && !r.IsLead);
        Assert.DoesNotContain(rows, r => r.CaseNumber == otherCase.CaseNumber);
    }

    [Theory]
    [InlineData(Stage.Submitted, PoolKind.CrossCutting, 500_000L, false, false, "Afventer screening")]
    [InlineData(Stage.Recommended, PoolKind.CrossCutting, 2_500_000L, false, false, "Afventer byrådets beslutning")]
    [InlineData(Stage.Recommended, PoolKind.CrossCutting, 500_000L, true, false, "Afventer byrådets beslutning")]
    [InlineData(Stage.Recommended, PoolKind.LocalFunds, 2_500_000L, true, false, "Afventer bevilling")]
    [InlineData(Stage.Granted, PoolKind.CrossCutting, 500_000L, false, false, "Effektrapport for 2026 mangler")]
    [InlineData(Stage.Granted, PoolKind.CrossCutting, 500_000L, false, true, "Projektet gennemføres")]
    public void The_next_step_is_said_in_plain_Danish(Stage stage, PoolKind pool, long recommended, bool multiYear, bool reported, string expected)
    {
        Assert.Equal(expected, MyCasesService.NextStep(stage, pool, recommended, multiYear, reported, 2026));
    }
}
