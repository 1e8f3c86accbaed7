namespace InnovationCases.Domain;

public static class StageExtensions
{
    /// <summary>The six stages a case moves through, in board order.</summary>
    public static readonly IReadOnlyList<Stage> Open =
        [Stage.Submitted, Stage.Screened, Stage.Recommended, Stage.Granted, Stage.Implemented, Stage.Evaluated];

    /// <summary>The ends a case can be closed in without finishing the workflow.</summary>
    public static readonly IReadOnlyList<Stage> Closed = [Stage.Rejected, Stage.Withdrawn, Stage.Stopped];

    public static bool IsClosed(this Stage stage) => stage is Stage.Rejected or Stage.Withdrawn or Stage.Stopped;

    /// <summary>True while the case still waits for or uses money (not closed, not evaluated).</summary>
    public static bool IsActive(this Stage stage) => !stage.IsClosed() && stage != Stage.Evaluated;
}
