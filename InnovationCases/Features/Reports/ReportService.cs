using InnovationCases.Data;
using InnovationCases.Domain;
using InnovationCases.Domain.Delivery;
using InnovationCases.Resources;
using Microsoft.EntityFrameworkCore;

namespace InnovationCases.Features.Reports;

/// <summary>
/// Builds the reports as <see cref="ReportTable"/>s from one projection of the cases the actor may
/// see (<see cref="CaseScope"/>), so the page, the CSV and the XLSX file show the same rows.
/// </summary>
public sealed class ReportService(IDbContextFactory<AppDbContext> dbFactory)
{
    /// <summary>The departments, by name, for the report filters.</summary>
    public async Task<IReadOnlyList<(int Id, string Name)>> DepartmentsAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var list = await db.Departments.AsNoTracking().Select(d => new { d.Id, d.Name }).ToListAsync(ct);
        return list.OrderBy(d => d.Name, StringComparer.Create(Money.Danish, false)).Select(d => (d.Id, d.Name)).ToList();
    }

    /// <summary>The years that have cases or pools, newest first.</summary>
    public async Task<IReadOnlyList<int>> YearsAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var years = await db.BudgetYears.Select(y => y.Year).ToListAsync(ct);
        years.AddRange(await db.Cases.Select(c => c.BudgetYear).Distinct().ToListAsync(ct));
        return years.Distinct().OrderDescending().ToList();
    }

    /// <summary>The report as <paramref name="actor"/> may see it.</summary>
    public async Task<ReportTable> BuildAsync(ReportRequest request, Actor actor, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var departmentName = request.DepartmentId is { } id
            ? await db.Departments.Where(d => d.Id == id).Select(d => d.Name).SingleOrDefaultAsync(ct)
            : null;

        var cases = db.Cases.AsNoTracking().ListedFor(actor).Where(c => c.BudgetYear == request.Year);
        switch (request.Kind)
        {
            case ReportKind.Department when request.DepartmentId is { } d:
                cases = cases.Where(c => c.LeadDepartmentId == d || c.PartnerDepartments.Any(p => p.DepartmentId == d));
                break;
            case ReportKind.Department:
                cases = cases.Where(_ => false);
                break;
            case ReportKind.Committee:
                if (request.DepartmentId is { } cd)
                {
                    cases = cases.Where(c => c.LeadDepartmentId == cd || c.PartnerDepartments.Any(p => p.DepartmentId == cd));
                }

                if (request.Theme is { } theme)
                {
                    cases = cases.Where(c => c.Theme == theme);
                }

                break;
        }

        var rows = await cases
            .OrderBy(c => c.CaseNumber)
            .Select(PoolConsumption.Project((c, consumed) => new ReportRow(
                c.CaseNumber,
                c.Title,
                c.LeadDepartment!.Name,
                c.Pool!.Kind,
                c.Pool.Department == null ? null : c.Pool.Department.Name,
                c.Theme,
                c.Stage,
                c.RequestedAmount,
                c.RecommendedAmount,
                c.GrantedAmount,
                consumed,
                c.ExpectedAnnualGain,
                c.EffectReports.Where(r => r.IsFinal).Select(r => (long?)r.RealisedAnnualGain).FirstOrDefault(),
                c.EffectReports.OrderByDescending(r => r.IsFinal).ThenByDescending(r => r.Year).Select(r => r.Narrative).FirstOrDefault(),
                c.EffectReports.OrderByDescending(r => r.IsFinal).ThenByDescending(r => r.Year).Select(r => r.LessonsLearned).FirstOrDefault(),
                c.CouncilDecisionReference,
                c.Payments.Sum(p => (long?)p.Amount) ?? 0,
                c.Milestones.Sum(m => (long?)m.Weight) ?? 0,
                c.Milestones.Where(m => m.DoneDate != null).Sum(m => (long?)m.Weight) ?? 0,
                c.Indicators.Where(i => i.IsRealisedGain).SelectMany(i => i.Measurements)
                    .OrderByDescending(m => m.Date).ThenByDescending(m => m.Id).Select(m => (decimal?)m.Value).FirstOrDefault())))
            .ToListAsync(ct);

        return request.Kind switch
        {
            ReportKind.Department => DepartmentTable(request, departmentName, rows),
            ReportKind.Finance => FinanceTable(request, rows),
            _ => CommitteeTable(request, departmentName, rows),
        };
    }

    private static ReportTable DepartmentTable(ReportRequest r, string? department, List<ReportRow> rows) => Table(
        string.Format(ReportText.Department_Title, r.Year, department ?? ReportText.NoDepartment),
        ReportText.Department_Subtitle,
        $"aarsrapport-{r.Year}-{r.DepartmentId}",
        rows,
        Text(ReportText.Col_CaseNumber, x => x.CaseNumber),
        Text(ReportText.Col_Title, x => x.Title),
        Text(ReportText.Col_Pool, PoolName),
        Text(ReportText.Col_Theme, x => x.Theme.Label()),
        Text(ReportText.Col_Stage, x => x.Stage.Label()),
        Kroner(ReportText.Col_Requested, x => x.Requested),
        Kroner(ReportText.Col_Granted, x => x.Granted),
        Consumed,
        Kroner(ReportText.Col_ExpectedGain, x => x.ExpectedGain),
        Kroner(ReportText.Col_RealisedGain, x => x.RealisedGain),
        Kroner(DeliveryText.Report_ColMeasuredGain, x => x.MeasuredGain is { } g ? (long)g : null),
        Text(DeliveryText.Report_ColProgress, x => x.Granted is null ? null : string.Format(DeliveryText.Report_Percent, DeliveryMath.Progress(x.MilestoneWeight, x.MilestoneWeightDone))),
        Paid,
        Left,
        Text(ReportText.Col_Effects, x => x.Effects),
        Text(ReportText.Col_Lessons, x => x.Lessons));

    private static ReportTable FinanceTable(ReportRequest r, List<ReportRow> rows) => Table(
        string.Format(ReportText.Finance_Title, r.Year),
        ReportText.Finance_Subtitle,
        $"oekonomiudvalget-{r.Year}",
        rows,
        Text(ReportText.Col_CaseNumber, x => x.CaseNumber),
        Text(ReportText.Col_Title, x => x.Title),
        Text(ReportText.Col_Department, x => x.Department),
        Text(ReportText.Col_Pool, PoolName),
        Text(ReportText.Col_Stage, x => x.Stage.Label()),
        Kroner(ReportText.Col_Requested, x => x.Requested),
        Kroner(ReportText.Col_Recommended, x => x.Recommended),
        Kroner(ReportText.Col_Granted, x => x.Granted),
        Consumed,
        Paid,
        Left,
        Text(ReportText.Col_Council, x => x.CouncilReference));

    private static ReportTable CommitteeTable(ReportRequest r, string? department, List<ReportRow> rows) => Table(
        string.Format(ReportText.Committee_Title, r.Year),
        string.Format(ReportText.Committee_Subtitle, r.Theme?.Label() ?? ReportText.AllThemes, department ?? ReportText.AllDepartments),
        $"fagudvalg-{r.Year}",
        rows,
        Text(ReportText.Col_CaseNumber, x => x.CaseNumber),
        Text(ReportText.Col_Title, x => x.Title),
        Text(ReportText.Col_Department, x => x.Department),
        Text(ReportText.Col_Theme, x => x.Theme.Label()),
        Text(ReportText.Col_Stage, x => x.Stage.Label()),
        Kroner(ReportText.Col_Requested, x => x.Requested),
        Kroner(ReportText.Col_Granted, x => x.Granted),
        Kroner(ReportText.Col_ExpectedGain, x => x.ExpectedGain),
        Kroner(ReportText.Col_RealisedGain, x => x.RealisedGain),
        Text(ReportText.Col_Effects, x => x.Effects));

    private static string PoolName(ReportRow x) =>
        x.PoolKind == PoolKind.LocalFunds && x.PoolDepartment is { } d ? string.Format(ReportText.PoolLocal, x.PoolKind.Label(), d) : x.PoolKind.Label();

    private static (ReportColumn, Func<ReportRow, object?>) Text(string header, Func<ReportRow, string?> value) =>
        (new ReportColumn(header, ReportValueKind.Text), value);

    // Blank for a case that was never granted: only a grant makes a case consume from its pool.
    private static (ReportColumn, Func<ReportRow, object?>) Consumed =>
        Kroner(ReportText.Col_Consumed, x => x.Granted is null ? null : x.Consumed);

    // Payments out of a grant (after the grant); blank for a case never granted.
    private static (ReportColumn, Func<ReportRow, object?>) Paid =>
        Kroner(DeliveryText.Report_ColPaid, x => x.Granted is null ? null : x.Paid);

    private static (ReportColumn, Func<ReportRow, object?>) Left =>
        Kroner(DeliveryText.Report_ColLeft, x => x.Granted is { } g ? Math.Max(0, g - x.Paid) : null);

    private static (ReportColumn, Func<ReportRow, object?>) Kroner(string header, Func<ReportRow, long?> value) =>
        (new ReportColumn(header, ReportValueKind.Money), x => value(x));

    private static ReportTable Table(string title, string subtitle, string stem, List<ReportRow> rows, params (ReportColumn Column, Func<ReportRow, object?> Value)[] columns) =>
        new(title, subtitle, columns.Select(c => c.Column).ToList(), rows.Select(r => columns.Select(c => c.Value(r)).ToArray()).ToList())
        {
            FileStem = stem,
        };
}
