using System.Collections;
using InnovationCases.Domain;
using InnovationCases.Domain.Workflow;
using InnovationCases.Features.Moves;

namespace InnovationCases.Tests.Features.Moves;

/// <summary>
/// A move writes its case with one UPDATE of the stage, its time, the version and the columns in
/// <see cref="MoveColumns"/>: every case column the workflow changes must be among them, or the
/// change would be lost in the database.
/// </summary>
public sealed class MoveColumnsTests
{
    private static readonly DateTime Now = new(2026, 6, 15, 12, 0, 0, DateTimeKind.Utc);
    private static readonly Actor Caseworker = new("cw", "Sagsbehandler", Role.Caseworker, null);

    [Fact]
    public void Every_column_a_move_changes_is_written_by_the_move()
    {
        var written = typeof(MoveColumns).GetProperties().Select(p => p.Name)
            .Concat([nameof(InnovationCase.Stage), nameof(InnovationCase.StageChangedAt)]).ToHashSet();
        (Stage From, MoveData Data)[] moves =
        [
            (Stage.Submitted, new ScreenData()),
            (Stage.Screened, new SendBackData("Uddyb.")),
            (Stage.Screened, new RecommendData(400_000)),
            (Stage.Recommended, new GrantData(300_000, new DateOnly(2026, 6, 1), "BY-1")),
            (Stage.Granted, new CompleteData("Gjort.", 250_000)),
            (Stage.Granted, new StopData("Ingen effekt.", "Stop tidligt.", 100_000)),
            (Stage.Implemented, new EvaluateData(50_000, "Effekt.", "Læring.", true)),
            (Stage.Recommended, new RejectData("Nej.")),
            (Stage.Screened, new WithdrawData("Trukket.")),
        ];

        var changedAnywhere = new HashSet<string>();
        foreach (var (from, data) in moves)
        {
            var c = Case(from);
            var before = Columns(c);
            new CaseWorkflow(new WorkflowContext(Caseworker, c, c.Pool!, 10_000_000, true, Now)).Fire(data);
            var changed = Columns(c).Where(x => !Equals(x.Value, before[x.Key])).Select(x => x.Key).ToList();
            Assert.Contains(nameof(InnovationCase.Stage), changed);
            Assert.All(changed, name => Assert.Contains(name, written));
            changedAnywhere.UnionWith(changed);
        }

        Assert.Contains(nameof(InnovationCase.GrantedAmount), changedAnywhere);
        Assert.Contains(nameof(InnovationCase.ActualSpend), changedAnywhere);
    }

    // Every scalar column of the case (collections are rows of their own tables).
    private static Dictionary<string, object?> Columns(InnovationCase c) =>
        typeof(InnovationCase).GetProperties()
            .Where(p => p.CanWrite && (p.PropertyType == typeof(string) || !typeof(IEnumerable).IsAssignableFrom(p.PropertyType)))
            .Where(p => p.PropertyType.IsValueType || p.PropertyType == typeof(string) || Nullable.GetUnderlyingType(p.PropertyType) is not null)
            .ToDictionary(p => p.Name, p => p.GetValue(c));

    private static InnovationCase Case(Stage stage) => new()
    {
        Id = 1,
        CaseNumber = "INNO-2026-0001",
        Title = "Projekt",
        Pool = new Pool { Id = 1, Year = 2026, Kind = PoolKind.CrossCutting, Budget = 10_000_000 },
        PoolId = 1,
        BudgetYear = 2026,
        LeadDepartmentId = 1,
        RequestedAmount = 500_000,
        PeriodStart = new DateOnly(2026, 3, 1),
        PeriodEnd = new DateOnly(2026, 11, 30),
        ExpectedAnnualGain = 100_000,
        FirstGainYear = 2027,
        GainDescription = "Gevinst.",
        Risks = "Risici.",
        Viability = "Drift.",
        EffectPlan = "Måling.",
        Stage = stage,
        StageChangedAt = Now.AddDays(-10),
        SubmittedAt = Now.AddDays(-30),
        RecommendedAmount = stage >= Stage.Recommended ? 400_000 : null,
        GrantedAmount = stage >= Stage.Granted ? 300_000 : null,
    };
}
