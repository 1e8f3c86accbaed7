using InnovationCases.Domain;

namespace InnovationCases.Features.Dashboard;

/// <summary>
/// How many days a case may stay in a stage before it counts as standing still ("Sager der står
/// stille"). Bound from the configuration section <c>Board:StageLimitDays</c>, which the board reads
/// too; a stage without a limit (Evaluated and the closed ends) never stands still.
/// </summary>
public sealed class StageLimitOptions
{
    public const string Section = "Board:StageLimitDays";

    public int Submitted { get; set; } = 14;
    public int Screened { get; set; } = 21;
    public int Recommended { get; set; } = 30;
    public int Granted { get; set; } = 365;
    public int Implemented { get; set; } = 120;

    /// <summary>The limit in days for <paramref name="stage"/>, or null when the stage has none.</summary>
    public int? For(Stage stage) => stage switch
    {
        Stage.Submitted => Submitted,
        Stage.Screened => Screened,
        Stage.Recommended => Recommended,
        Stage.Granted => Granted,
        Stage.Implemented => Implemented,
        _ => null,
    };
}
