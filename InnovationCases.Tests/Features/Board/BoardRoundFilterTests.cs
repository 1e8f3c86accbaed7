using InnovationCases.Domain;
using InnovationCases.Domain.Rounds;
using InnovationCases.Features.Board;
using InnovationCases.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace InnovationCases.Tests.Features.Board;

public sealed class BoardRoundFilterTests(BoardAppFixture fixture) : IClassFixture<BoardAppFixture>
{
    private readonly TestApp _app = fixture.App;

    [Fact]
    public async Task Filtering_by_round_shows_only_that_rounds_cases_and_lists_the_round_as_a_choice()
    {
        ApplicationRound round;
        await using (var db = await _app.DbAsync())
        {
            round = new ApplicationRound { Name = "Filterrunde " + Guid.NewGuid().ToString("N")[..6], OpensOn = new(2002, 1, 1), Deadline = new(2002, 2, 1), TargetAnswerDate = new(2002, 3, 1) };
            db.Rounds.Add(round);
            await db.SaveChangesAsync();
        }

        var inRound = await Arrange.CaseAsync(_app, Stage.Screened, leadCode: "BA", configure: c => c.RoundId = round.Id);
        var outside = await Arrange.CaseAsync(_app, Stage.Screened, leadCode: "BA");
        var boards = _app.AppServices.GetRequiredService<BoardService>();

        var snapshot = await boards.LoadAsync(await _app.ActorAsync(DemoUsers.Caseworker), new BoardFilter(RoundId: round.Id), 1_000);

        var cards = snapshot.Cards.Values.SelectMany(c => c).ToList();
        Assert.Equal([inRound.CaseNumber], cards.Select(c => c.CaseNumber));
        Assert.Contains(snapshot.Rounds!, r => r.Id == round.Id && r.Name == round.Name);
        var filter = new BoardFilter(RoundId: round.Id);
        Assert.True(filter.Matches(cards[0]));
        Assert.False(filter.IsEmpty);
        Assert.DoesNotContain(cards, c => c.CaseNumber == outside.CaseNumber);
    }
}
