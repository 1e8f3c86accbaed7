using System.Diagnostics;
using InnovationCases.Domain;
using InnovationCases.Features.Board;
using InnovationCases.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace InnovationCases.Tests.Features.Board;

public sealed class BoardScaleTests(BoardAppFixture fixture, ITestOutputHelper output) : IClassFixture<BoardAppFixture>
{
    [Fact]
    public async Task With_5000_open_cases_each_column_loads_one_page_and_the_header_counts_them_all()
    {
        var app = fixture.App;
        var actor = await app.ActorAsync(DemoUsers.Caseworker);
        var boards = app.AppServices.GetRequiredService<BoardService>();
        var before = await boards.LoadAsync(actor, BoardFilter.None, pageSize: 1);
        await using (var db = await app.DbAsync())
        {
            var template = await db.Cases.AsNoTracking().FirstAsync(c => c.Stage == Stage.Submitted);
            var now = DateTime.UtcNow;
            for (var i = 0; i < 5_000; i++)
            {
                db.Cases.Add(new InnovationCase
                {
                    CaseNumber = $"INNO-2099-{i:00000}",
                    Title = "Skalaprojekt " + i,
                    Summary = "Skala",
                    PoolId = template.PoolId,
                    BudgetYear = template.BudgetYear,
                    LeadDepartmentId = template.LeadDepartmentId,
                    RequestedAmount = 1_000,
                    PeriodStart = template.PeriodStart,
                    PeriodEnd = template.PeriodEnd,
                    Stage = StageExtensions.Open[i % 5],
                    StageChangedAt = now.AddMinutes(-i),
                    SubmittedAt = now.AddMinutes(-i),
                });
            }

            await db.SaveChangesAsync();
        }

        var watch = Stopwatch.StartNew();
        var board = await boards.LoadAsync(actor, BoardFilter.None, pageSize: 20);
        watch.Stop();
        output.WriteLine($"Board with {board.Totals.Values.Sum(t => t.Count)} cases loaded in {watch.ElapsedMilliseconds} ms");

        Assert.All(board.Cards.Values, cards => Assert.True(cards.Count <= 20));
        Assert.Equal(before.Totals.Values.Sum(t => t.Count) + 5_000, board.Totals.Values.Sum(t => t.Count));
        Assert.Equal(before.Totals[Stage.Submitted].Count + 1_000, board.Totals[Stage.Submitted].Count);
        Assert.Equal(before.Totals[Stage.Submitted].Sum + 1_000_000, board.Totals[Stage.Submitted].Sum);
    }
}
