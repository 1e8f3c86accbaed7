using InnovationCases.Domain;
using InnovationCases.Domain.Rounds;
using InnovationCases.Features.Cases.Grid;
using InnovationCases.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace InnovationCases.Tests.Features.Cases.Grid;

public sealed class CaseGridRoundFilterTests(CasesAppFixture fixture) : IClassFixture<CasesAppFixture>
{
    private TestApp App => fixture.App;

    [Fact]
    public async Task Filtering_the_grid_by_round_returns_only_that_rounds_cases()
    {
        ApplicationRound round;
        await using (var db = await App.DbAsync())
        {
            round = new ApplicationRound { Name = "Gridrunde " + Guid.NewGuid().ToString("N")[..6], OpensOn = new(2003, 1, 1), Deadline = new(2003, 2, 1), TargetAnswerDate = new(2003, 3, 1) };
            db.Rounds.Add(round);
            await db.SaveChangesAsync();
        }

        var inRound = await Arrange.CaseAsync(App, Stage.Screened, leadCode: "BA", configure: c => c.RoundId = round.Id);
        await Arrange.CaseAsync(App, Stage.Screened, leadCode: "BA");
        var grid = App.AppServices.GetRequiredService<CaseGridService>();

        var (rows, total) = await grid.QueryAsync(new CaseGridFilter { RoundId = round.Id }, 0, 50, null, false, await App.ActorAsync(DemoUsers.Caseworker));

        Assert.Equal(1, total);
        Assert.Equal(inRound.CaseNumber, Assert.Single(rows).CaseNumber);
    }
}
