using InnovationCases.Domain;
using InnovationCases.Domain.Delivery;
using InnovationCases.Features.Cases;
using InnovationCases.Features.Delivery;
using InnovationCases.Tests.Features.Cases;
using InnovationCases.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace InnovationCases.Tests.Features.Delivery;

public class DeliveryServiceTests(CasesAppFixture fixture) : IClassFixture<CasesAppFixture>
{
    private TestApp App => fixture.App;
    private DeliveryService Delivery => App.AppServices.GetRequiredService<DeliveryService>();
    private DeliveryReader Reader => App.AppServices.GetRequiredService<DeliveryReader>();
    private static DateTime Today => DanishTime.Today(DateTime.UtcNow).ToDateTime(TimeOnly.MinValue);

    private static IndicatorInput Indicator() => new()
    {
        Name = "Timer brugt på visitation",
        Unit = "timer",
        Direction = IndicatorDirection.LowerIsBetter,
        Baseline = 400,
        Target = 250,
        TargetDate = DateTime.UtcNow.Date.AddMonths(6),
    };

    private static void Ok(CaseCommandResult result) => Assert.True(result is CaseCommandResult.Done, result.ToString());

    private static IReadOnlyDictionary<string, string> Invalid(CaseCommandResult result) =>
        Assert.IsType<CaseCommandResult.Invalid>(result).FieldErrors;

    [Fact]
    public async Task Lead_department_staff_add_an_indicator_and_a_measurement_each_with_its_event()
    {
        var c = await Arrange.CaseAsync(App, Stage.Granted, leadCode: "MBU", configure: x => x.PeriodEnd = DanishTime.Today(DateTime.UtcNow).AddMonths(6));
        var mbu = await App.ActorAsync(DemoUsers.Mbu);

        Ok(await Delivery.AddIndicatorAsync(c.CaseNumber, Indicator(), mbu));
        await using var db = await App.DbAsync();
        var indicator = await db.Indicators.SingleAsync(i => i.CaseId == c.Id);
        Ok(await Delivery.AddMeasurementAsync(c.CaseNumber, new MeasurementInput { IndicatorId = indicator.Id, Date = Today, Value = 340, Note = "Første måling" }, mbu));

        var kinds = await db.CaseEvents.Where(e => e.CaseId == c.Id).Select(e => e.Kind).ToListAsync();
        Assert.Contains(CaseEventKind.IndicatorAdded, kinds);
        Assert.Contains(CaseEventKind.MeasurementAdded, kinds);
        var view = await Reader.GetAsync(c.CaseNumber, mbu);
        Assert.Equal(40, Assert.Single(view!.Indicators).PercentOfWay);
    }

    [Fact]
    public async Task A_measurement_before_the_grant_or_in_the_future_or_without_a_value_is_refused_at_its_field()
    {
        var c = await Arrange.CaseAsync(App, Stage.Granted, leadCode: "MBU", configure: x => x.PeriodEnd = DanishTime.Today(DateTime.UtcNow).AddMonths(6));
        var caseworker = await App.ActorAsync(DemoUsers.Caseworker);
        Ok(await Delivery.AddIndicatorAsync(c.CaseNumber, Indicator(), caseworker));
        await using var db = await App.DbAsync();
        var id = (await db.Indicators.SingleAsync(i => i.CaseId == c.Id)).Id;

        var before = Invalid(await Delivery.AddMeasurementAsync(c.CaseNumber, new MeasurementInput { IndicatorId = id, Date = Today.AddDays(-2), Value = 1 }, caseworker));
        Assert.Contains("før bevillingen", before[nameof(MeasurementInput.Date)]);
        var future = Invalid(await Delivery.AddMeasurementAsync(c.CaseNumber, new MeasurementInput { IndicatorId = id, Date = Today.AddDays(2), Value = 1 }, caseworker));
        Assert.Contains("fremtiden", future[nameof(MeasurementInput.Date)]);
        var noValue = Invalid(await Delivery.AddMeasurementAsync(c.CaseNumber, new MeasurementInput { IndicatorId = id, Date = Today, Value = null }, caseworker));
        Assert.Contains("tal", noValue[nameof(MeasurementInput.Value)]);
        var tooLarge = Invalid(await Delivery.AddMeasurementAsync(c.CaseNumber, new MeasurementInput { IndicatorId = id, Date = Today, Value = Limits.AmountMax + 1m }, caseworker));
        Assert.True(tooLarge.ContainsKey(nameof(MeasurementInput.Value)));

        Assert.False(await db.Measurements.AnyAsync(m => m.IndicatorId == id));
    }

    [Fact]
    public async Task An_indicator_whose_target_runs_against_its_direction_is_refused()
    {
        var c = await Arrange.CaseAsync(App, Stage.Granted, leadCode: "MBU");
        var input = Indicator();
        input.Target = 500;

        var errors = Invalid(await Delivery.AddIndicatorAsync(c.CaseNumber, input, await App.ActorAsync(DemoUsers.Caseworker)));

        Assert.Equal(DeliveryTextFor.LowerTarget, errors[nameof(IndicatorInput.Target)]);
    }

    [Fact]
    public async Task Milestones_need_a_due_date_within_the_period_plus_a_year_and_a_positive_weight()
    {
        var c = await Arrange.CaseAsync(App, Stage.Granted, leadCode: "MBU");
        var mbu = await App.ActorAsync(DemoUsers.Mbu);
        var late = c.PeriodEnd.AddYears(1).AddDays(1).ToDateTime(TimeOnly.MinValue);

        var errors = Invalid(await Delivery.AddMilestoneAsync(c.CaseNumber, new MilestoneInput { Name = "Pilot", DueDate = late, Weight = 0 }, mbu));
        Assert.True(errors.ContainsKey(nameof(MilestoneInput.DueDate)));
        Assert.True(errors.ContainsKey(nameof(MilestoneInput.Weight)));

        Ok(await Delivery.AddMilestoneAsync(c.CaseNumber, new MilestoneInput { Name = "Pilot", DueDate = c.PeriodEnd.ToDateTime(TimeOnly.MinValue), Weight = 3 }, mbu));
        Ok(await Delivery.AddMilestoneAsync(c.CaseNumber, new MilestoneInput { Name = "Udrulning", DueDate = c.PeriodEnd.ToDateTime(TimeOnly.MinValue) }, mbu));
        await using var db = await App.DbAsync();
        var pilot = await db.Milestones.SingleAsync(m => m.CaseId == c.Id && m.Name == "Pilot");
        Ok(await Delivery.MarkMilestoneDoneAsync(c.CaseNumber, pilot.Id, Today, mbu));

        var view = await Reader.GetAsync(c.CaseNumber, mbu);
        Assert.Equal(75, view!.Facts.Progress);
        Assert.IsType<CaseCommandResult.Refused>(await Delivery.MarkMilestoneDoneAsync(c.CaseNumber, pilot.Id, Today, mbu));
    }

    [Fact]
    public async Task Payments_never_exceed_the_grant_and_the_refusal_says_what_is_left()
    {
        var c = await Arrange.CaseAsync(App, Stage.Granted, leadCode: "MBU", requested: 500_000);
        var caseworker = await App.ActorAsync(DemoUsers.Caseworker);

        Ok(await Delivery.AddPaymentAsync(c.CaseNumber, new PaymentInput { Date = Today, Amount = 300_000 }, caseworker));
        var errors = Invalid(await Delivery.AddPaymentAsync(c.CaseNumber, new PaymentInput { Date = Today, Amount = 200_001 }, caseworker));
        Assert.Contains("200.000 kr.", errors[nameof(PaymentInput.Amount)]);
        var early = Invalid(await Delivery.AddPaymentAsync(c.CaseNumber, new PaymentInput { Date = Today.AddDays(-3), Amount = 1 }, caseworker));
        Assert.True(early.ContainsKey(nameof(PaymentInput.Date)));
        Ok(await Delivery.AddPaymentAsync(c.CaseNumber, new PaymentInput { Date = Today, Amount = 200_000 }, caseworker));

        await using var db = await App.DbAsync();
        Assert.Equal(500_000, await db.Payments.Where(p => p.CaseId == c.Id).SumAsync(p => p.Amount));
        Assert.Equal(2, await db.CaseEvents.CountAsync(e => e.CaseId == c.Id && e.Kind == CaseEventKind.PaymentRecorded));
    }

    [Fact]
    public async Task Department_staff_record_payments_only_for_their_own_local_funds()
    {
        var crossCutting = await Arrange.CaseAsync(App, Stage.Granted, leadCode: "MBU");
        var local = await Arrange.CaseAsync(App, Stage.Granted, leadCode: "MBU", localFunds: true);
        var mbu = await App.ActorAsync(DemoUsers.Mbu);
        var payment = new PaymentInput { Date = Today, Amount = 1_000 };

        Assert.IsType<CaseCommandResult.Refused>(await Delivery.AddPaymentAsync(crossCutting.CaseNumber, payment, mbu));
        Ok(await Delivery.AddPaymentAsync(local.CaseNumber, payment, mbu));
    }

    [Theory]
    [InlineData(DemoUsers.Manager)]
    [InlineData(DemoUsers.Director)]
    public async Task Managers_and_the_director_group_read_but_record_nothing(string email)
    {
        var c = await Arrange.CaseAsync(App, Stage.Granted, leadCode: "MBU");
        var reader = await App.ActorAsync(email);

        Assert.IsType<CaseCommandResult.Refused>(await Delivery.AddIndicatorAsync(c.CaseNumber, Indicator(), reader));
        Assert.IsType<CaseCommandResult.Refused>(await Delivery.AddMilestoneAsync(c.CaseNumber, new MilestoneInput { Name = "x", DueDate = Today }, reader));
        Assert.IsType<CaseCommandResult.Refused>(await Delivery.AddPaymentAsync(c.CaseNumber, new PaymentInput { Date = Today, Amount = 1 }, reader));
        var view = await Reader.GetAsync(c.CaseNumber, reader);
        Assert.NotNull(view);
        Assert.False(view.MayRecord || view.MayPay);
    }

    [Fact]
    public async Task Partner_staff_and_cases_before_the_grant_are_refused_and_other_departments_do_not_find_the_case()
    {
        var submitted = await Arrange.CaseAsync(App, Stage.Submitted, leadCode: "MBU");
        var partnered = await Arrange.CaseAsync(App, Stage.Granted, leadCode: "MSO", partnerCodes: ["MBU"]);
        var foreign = await Arrange.CaseAsync(App, Stage.Granted, leadCode: "MSO");
        var mbu = await App.ActorAsync(DemoUsers.Mbu);

        Assert.IsType<CaseCommandResult.Refused>(await Delivery.AddIndicatorAsync(submitted.CaseNumber, Indicator(), mbu));
        Assert.IsType<CaseCommandResult.Refused>(await Delivery.AddIndicatorAsync(partnered.CaseNumber, Indicator(), mbu));
        Assert.IsType<CaseCommandResult.NotFound>(await Delivery.AddIndicatorAsync(foreign.CaseNumber, Indicator(), mbu));
    }

    [Fact]
    public async Task Granting_gives_the_case_its_built_in_realised_gain_indicator_and_its_grant_time()
    {
        var c = await Arrange.CaseAsync(App, Stage.Recommended, leadCode: "MBU", requested: 300_000, qualifyingAssessment: true);
        var workflow = App.AppServices.GetRequiredService<InnovationCases.Features.Moves.CaseWorkflowService>();

        var result = await workflow.FireAsync(c.CaseNumber, new InnovationCases.Domain.Workflow.GrantData(300_000, null, null), await App.ActorAsync(DemoUsers.Caseworker), c.Version);

        Assert.IsType<InnovationCases.Features.Moves.MoveResult.Moved>(result);
        await using var db = await App.DbAsync();
        var indicator = await db.Indicators.SingleAsync(i => i.CaseId == c.Id);
        Assert.True(indicator.IsRealisedGain);
        Assert.Equal(c.ExpectedAnnualGain, indicator.Target);
        Assert.NotNull((await db.Cases.SingleAsync(x => x.Id == c.Id)).GrantedAt);
    }
}
