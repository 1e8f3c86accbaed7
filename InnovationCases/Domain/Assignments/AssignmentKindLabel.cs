using InnovationCases.Resources;

namespace InnovationCases.Domain.Assignments;

/// <summary>The Danish name of an assignment kind, kept with the feature's own texts.</summary>
public static class AssignmentKindLabel
{
    public static string Label(this AssignmentKind kind) =>
        kind == AssignmentKind.Assessment ? AssignmentText.Kind_Assessment : AssignmentText.Kind_Advice;
}
