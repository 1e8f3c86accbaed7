using InnovationCases.Domain;
using InnovationCases.Domain.Delivery;

namespace InnovationCases.Tests.Domain.Delivery;

public sealed class ReportDueTests
{
    private static readonly DeliveryOptions Options = new();

    [Fact]
    public void A_years_report_is_due_on_the_first_of_march_after_it()
    {
        Assert.Equal(new DateOnly(2027, 3, 1), Options.ReportDueDate(2026));
        Assert.Equal(new DateOnly(2027, 6, 30), new DeliveryOptions { ReportDueMonthDay = "06-30" }.ReportDueDate(2026));
    }

    [Fact]
    public void Reports_are_listed_from_sixty_days_before_and_overdue_after_the_due_date()
    {
        Assert.Empty(ReportDue.For(Stage.Granted, 2026, [], new DateOnly(2026, 12, 30), Options));

        var soon = Assert.Single(ReportDue.For(Stage.Granted, 2026, [], new DateOnly(2027, 1, 15), Options));
        Assert.Equal((2026, false), (soon.Year, soon.IsOverdue));

        var late = Assert.Single(ReportDue.For(Stage.Implemented, 2026, [], new DateOnly(2027, 3, 2), Options));
        Assert.True(late.IsOverdue);
    }

    [Fact]
    public void A_reported_year_is_not_due_and_evaluated_cases_owe_nothing()
    {
        Assert.Empty(ReportDue.For(Stage.Granted, 2026, [2026], new DateOnly(2027, 3, 2), Options));
        Assert.Empty(ReportDue.For(Stage.Evaluated, 2026, [], new DateOnly(2027, 3, 2), Options));
        Assert.Equal([2025, 2026], ReportDue.For(Stage.Granted, 2025, [], new DateOnly(2027, 3, 2), Options).Select(r => r.Year));
    }
}
