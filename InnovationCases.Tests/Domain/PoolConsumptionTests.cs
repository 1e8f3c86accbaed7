using InnovationCases.Data;
using InnovationCases.Domain;
using InnovationCases.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace InnovationCases.Tests.Domain;

/// <summary>
/// Pool consumption has one formula: the SQL EF makes of <see cref="PoolConsumption.Amount"/> and the
/// compiled form behind <see cref="InnovationCase.ConsumedAmount"/> must agree for every stage, with
/// and without an actual spend.
/// </summary>
public sealed class PoolConsumptionTests(PoolConsumptionTests.Fixture fixture) : IClassFixture<PoolConsumptionTests.Fixture>
{
    public sealed class Fixture : IAsyncLifetime
    {
        public TestApp App { get; } = new();
        public List<int> CaseIds { get; } = [];

        public async Task InitializeAsync()
        {
            foreach (var stage in Enum.GetValues<Stage>())
            {
                foreach (var spend in new long?[] { null, 123_000 })
                {
                    // Every stage with and without a granted amount, so the formula's choice of column shows.
                    foreach (var granted in new long?[] { null, 400_000 })
                    {
                        var c = await Arrange.CaseAsync(App, stage, configure: x =>
                        {
                            x.GrantedAmount = granted;
                            x.ActualSpend = spend;
                        });
                        CaseIds.Add(c.Id);
                    }
                }
            }
        }

        public Task DisposeAsync()
        {
            App.Dispose();
            return Task.CompletedTask;
        }
    }

    [Fact]
    public async Task The_database_and_the_in_memory_forms_agree_for_every_stage()
    {
        await using var db = await fixture.App.DbAsync();
        var ids = fixture.CaseIds;

        var inSql = await db.Cases.Where(c => ids.Contains(c.Id))
            .Select(PoolConsumption.Project((c, consumed) => new { c.Id, Consumed = consumed }))
            .ToDictionaryAsync(x => x.Id, x => x.Consumed);
        var cases = await db.Cases.AsNoTracking().Where(c => ids.Contains(c.Id)).ToListAsync();

        Assert.Equal(Enum.GetValues<Stage>().Length * 4, cases.Count);
        Assert.All(cases, c => Assert.Equal(c.ConsumedAmount, inSql[c.Id]));
    }

    [Theory]
    [InlineData(Stage.Submitted, 400_000L, 123_000L, 0L)]
    [InlineData(Stage.Recommended, 400_000L, null, 0L)]
    [InlineData(Stage.Granted, 400_000L, 123_000L, 400_000L)]
    [InlineData(Stage.Implemented, 400_000L, 123_000L, 400_000L)]
    [InlineData(Stage.Evaluated, 400_000L, null, 400_000L)]
    [InlineData(Stage.Stopped, 400_000L, 123_000L, 123_000L)]
    [InlineData(Stage.Stopped, 400_000L, null, 400_000L)]
    [InlineData(Stage.Rejected, 400_000L, 123_000L, 0L)]
    public void A_case_consumes_its_grant_or_a_stopped_projects_spend(Stage stage, long? granted, long? spend, long expected)
    {
        var c = new InnovationCase { Stage = stage, GrantedAmount = granted, ActualSpend = spend };

        Assert.Equal(expected, c.ConsumedAmount);
    }

    [Fact]
    public async Task The_ledger_sums_what_the_cases_of_each_pool_consume()
    {
        await using var db = await fixture.App.DbAsync();
        var ids = fixture.CaseIds;
        var cases = await db.Cases.AsNoTracking().ToListAsync();
        var poolIds = cases.Select(c => c.PoolId).Distinct().ToList();

        var byPool = await db.ConsumedByPoolAsync(poolIds);

        foreach (var pool in poolIds)
        {
            Assert.Equal(cases.Where(c => c.PoolId == pool).Sum(c => c.ConsumedAmount), byPool[pool]);
            Assert.Equal(byPool[pool], await db.ConsumedAsync(pool));
        }

        Assert.True(cases.Where(c => ids.Contains(c.Id)).Sum(c => c.ConsumedAmount) > 0);
    }
}
