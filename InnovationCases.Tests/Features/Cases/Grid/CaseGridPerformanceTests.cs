using InnovationCases.Domain;
using InnovationCases.Features.Cases.Grid;
using InnovationCases.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using InnovationCases.Tests.Features.Cases;

namespace InnovationCases.Tests.Features.Cases.Grid;

public sealed class CaseGridPerformanceTests(CasesAppFixture fixture) : IClassFixture<CasesAppFixture>
{
    private const int Count = 50_000;

    private TestApp App => fixture.App;

    private async Task SeedAsync()
    {
        await using var db = await App.DbAsync();
        if (await db.Cases.CountAsync() >= Count)
        {
            return;
        }

        var year = await db.BudgetYears.MaxAsync(y => y.Year);
        var departments = await db.Departments.OrderBy(d => d.Id).Select(d => d.Id).ToListAsync();
        var lead = "CASE i % " + departments.Count + string.Concat(departments.Select((id, k) => $" WHEN {k} THEN {id}")) + " END";
        var pool = await db.Pools.Where(p => p.Year == year && p.Kind == PoolKind.CrossCutting).Select(p => p.Id).SingleAsync();
        // Only numbers from the database are spliced in: nothing here comes from a user.
        var sql = $"""
            WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < {Count})
            INSERT INTO Cases (CaseNumber, Version, Title, Summary, Description, PoolId, BudgetYear, Theme, ApplicantType,
                ApplicantOrganisation, ContactName, ContactEmail, ContactPhone, LeadDepartmentId, RequestedAmount,
                InternalCoFinancing, ExternalCoFinancing, PeriodStart, PeriodEnd, ExpectedAnnualGain, FirstGainYear,
                GainDescription, Novelty, Risks, RiskLevel, Viability, EffectPlan, Stage, StageChangedAt, SubmittedAt, CreatedByUserId)
            SELECT 'PERF-' || printf('%06d', i), 0, 'Massetest ' || i, 'Resumé nummer ' || i, '', {pool}, {year},
                CASE i % 3 WHEN 0 THEN 'Digitalisation' WHEN 1 THEN 'Health' ELSE 'Mobility' END, 'Department',
                'Org', 'Navn', 'navn@aarhus.example', '', {lead},
                10000 + (i % 500) * 10000, 0, 0, '{year}-01-01', '{year}-12-31', 1000, {year + 1},
                'x', '', 'x', 'Low', 'x', 'x',
                CASE i % 4 WHEN 0 THEN 'Submitted' WHEN 1 THEN 'Screened' WHEN 2 THEN 'Granted' ELSE 'Rejected' END,
                datetime('{year}-01-01', '+' || (i % 300) || ' days'), datetime('{year}-01-01', '+' || (i % 300) || ' days'), 'perf'
            FROM n;
            """;
        await db.Database.ExecuteSqlRawAsync(sql);
    }

    [Fact]
    // Correctness at scale only: how fast this is, is measured by the B6 benchmark (bench/), not here.
    public async Task Filtering_sorting_and_paging_fifty_thousand_cases_returns_the_right_page()
    {
        await SeedAsync();
        var grid = App.AppServices.GetRequiredService<CaseGridService>();
        var caseworker = await App.ActorAsync(DemoUsers.Caseworker);
        await grid.QueryAsync(new(), 0, 25, null, false, caseworker); // warm-up: first query compiles the model

        Task<(IReadOnlyList<CaseRow> Rows, int Total)> Query(CaseGridFilter f, int page = 0, string? sort = null, bool desc = false) =>
            grid.QueryAsync(f, page, 25, sort, desc, caseworker);

        var first = await Query(new());
        Assert.True(first.Total >= Count);
        Assert.Equal(25, first.Rows.Count);

        var deep = await Query(new(), page: 1500, sort: nameof(CaseRow.RequestedAmount), desc: true);
        Assert.Equal(25, deep.Rows.Count);

        var text = await Query(new() { Text = "Massetest 49999" });
        Assert.Equal("PERF-049999", Assert.Single(text.Rows).CaseNumber);

        var filtered = await Query(new() { Stage = Stage.Granted, Theme = Theme.Health, MinAmount = 100_000, MaxAmount = 2_000_000 });
        Assert.True(filtered.Total > 0);
        Assert.All(filtered.Rows, r => Assert.True(r.Stage == Stage.Granted && r.Theme == Theme.Health && r.RequestedAmount is >= 100_000 and <= 2_000_000));

        await using var db = await App.DbAsync();
        var department = await db.Departments.OrderBy(d => d.Id).Select(d => d.Id).FirstAsync();
        var byDepartment = await Query(new() { DepartmentId = department, Year = DateTime.UtcNow.Year }, sort: nameof(CaseRow.Title));
        Assert.True(byDepartment.Total >= Count / 6);
    }
}
