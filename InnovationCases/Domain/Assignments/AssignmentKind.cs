namespace InnovationCases.Domain.Assignments;

/// <summary>What a person is asked to do on a case: score it (director group) or advise on it (advisory board).</summary>
public enum AssignmentKind
{
    Assessment,
    Advice,
}
