using InnovationCases.Domain;

namespace InnovationCases.Features.Rounds;

/// <summary>One round on /rounds and the dashboard: its dates, its cases per stage, and its answer time against the target.</summary>
public sealed record RoundSummary(
    int Id,
    string Name,
    DateOnly OpensOn,
    DateOnly Deadline,
    DateOnly TargetAnswerDate,
    bool IsOpen,
    IReadOnlyDictionary<Stage, int> CasesByStage,
    int? AnswerDays,
    int TargetDays)
{
    public int CaseCount => CasesByStage.Values.Sum();

    /// <summary>Days over the target; zero or less is on target; null while unanswered.</summary>
    public int? DaysOverTarget => AnswerDays - TargetDays;
}
