namespace InnovationCases.Features.Assignments;

/// <summary>A person the dialog offers; <see cref="Refusal"/> says why they may not be chosen, <see cref="OpenLoad"/> how busy they are.</summary>
public sealed record AssignmentCandidate(string UserId, string Name, string? DepartmentName, string? Refusal, int OpenLoad)
{
    public bool IsSuggested => Refusal is null;
}
