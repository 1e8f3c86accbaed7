using System.Globalization;
using InnovationCases.Domain;

namespace InnovationCases.Resources;

/// <summary>The Danish (or, later, English) names of the domain's enums, read from <c>Labels.resx</c>.</summary>
public static class LabelExtensions
{
    public static string Label(this Stage value) => Get("Stage", value);
    public static string Label(this Trigger value) => Get("Trigger", value);

    /// <summary>The trigger as a noun phrase, for sentences such as "Du har ikke ret til bevilling".</summary>
    public static string Noun(this Trigger value) => Get("TriggerNoun", value);

    /// <summary>The move a trigger made, as the history names it: "Screenet", "Sendt tilbage".</summary>
    public static string Move(this Trigger value) => Get("TriggerMove", value);

    /// <summary>One move in a case's history, the same wherever it is shown: "Screenet (Indsendt → Screenet)".</summary>
    public static string MoveLine(this Trigger trigger, Stage from, Stage to) =>
        string.Format(CultureInfo.CurrentCulture, Labels.MoveLine, trigger.Move(), from.Label(), to.Label());

    public static string Label(this Role value) => Get("Role", value);
    public static string Label(this Theme value) => Get("Theme", value);
    public static string Label(this ApplicantType value) => Get("ApplicantType", value);
    public static string Label(this RiskLevel value) => Get("RiskLevel", value);
    public static string Label(this PoolKind value) => Get("PoolKind", value);
    public static string Label(this Criterion value) => Get("Criterion", value);
    public static string Label(this CaseEventKind value) => Get("CaseEventKind", value);

    private static string Get<T>(string prefix, T value) where T : struct, Enum =>
        Labels.ResourceManager.GetString($"{prefix}_{value}", CultureInfo.CurrentUICulture) ?? value.ToString();
}
