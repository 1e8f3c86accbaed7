using InnovationCases.Domain;
using InnovationCases.Features.Pools;

namespace InnovationCases.Tests.Features.Pools;

/// <summary>
/// The ledger reads only the stages that can give it a figure (<see cref="PoolLedgerReader.GivesAFigure"/>).
/// That list is a second spelling of the consumption formula's stages, so it must follow the formula: a
/// stage the formula starts counting, left out of the list, would drop granted money from the ledger.
/// </summary>
public sealed class PoolLedgerStagesTests
{
    [Theory]
    [MemberData(nameof(Stages))]
    public void The_ledger_reads_a_stage_exactly_when_it_gives_a_granted_or_committed_figure(Stage stage)
    {
        var c = new InnovationCase
        {
            Stage = stage, RequestedAmount = 500_000, RecommendedAmount = 450_000, GrantedAmount = 400_000, ActualSpend = 123_000,
        };
        var givesAFigure = PoolConsumption.Of(c) > 0 || stage == Stage.Recommended;

        Assert.Equal(givesAFigure, PoolLedgerReader.GivesAFigure.Compile()(c));
    }

    public static TheoryData<Stage> Stages() => new(Enum.GetValues<Stage>());
}
