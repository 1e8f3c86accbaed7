using InnovationCases.Domain;
using InnovationCases.Features.Cases;
using InnovationCases.Features.Cases.Effects;
using InnovationCases.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using InnovationCases.Tests.Features.Cases;

namespace InnovationCases.Tests.Features.Cases.Effects;

public sealed class EffectReportServiceTests(CasesAppFixture fixture) : IClassFixture<CasesAppFixture>
{
    private TestApp App => fixture.App;
    private EffectReportService Reports => App.AppServices.GetRequiredService<EffectReportService>();

    [Fact]
    public async Task Lead_department_staff_add_a_yearly_report_with_its_event()
    {
        var c = await Arrange.CaseAsync(App, Stage.Granted, leadCode: "MBU");
        var mbu = await App.ActorAsync(DemoUsers.Mbu);
        var input = new EffectReportInput { Year = DateTime.UtcNow.Year, RealisedAnnualGain = 120_000, Narrative = "Første halvår viser færre timer." };

        Assert.IsType<CaseCommandResult.Done>(await Reports.AddAsync(c.CaseNumber, input, mbu));

        await using var db = await App.DbAsync();
        var report = await db.EffectReports.SingleAsync(r => r.CaseId == c.Id);
        Assert.False(report.IsFinal);
        Assert.Equal(120_000, report.RealisedAnnualGain);
        Assert.True(await db.CaseEvents.AnyAsync(e => e.CaseId == c.Id && e.Kind == CaseEventKind.EffectReported));

        var again = await Reports.AddAsync(c.CaseNumber, input, mbu);
        Assert.IsType<CaseCommandResult.Invalid>(again);
    }

    [Fact]
    public async Task Effect_reports_are_refused_before_the_grant_and_for_partner_staff()
    {
        var submitted = await Arrange.CaseAsync(App, Stage.Submitted, leadCode: "MBU");
        var granted = await Arrange.CaseAsync(App, Stage.Granted, leadCode: "MSO", partnerCodes: ["MBU"]);
        var mbu = await App.ActorAsync(DemoUsers.Mbu);
        var input = new EffectReportInput { Year = DateTime.UtcNow.Year, RealisedAnnualGain = 1, Narrative = "x" };

        Assert.IsType<CaseCommandResult.Refused>(await Reports.AddAsync(submitted.CaseNumber, input, mbu));
        Assert.IsType<CaseCommandResult.Refused>(await Reports.AddAsync(granted.CaseNumber, input, mbu));
    }
}
