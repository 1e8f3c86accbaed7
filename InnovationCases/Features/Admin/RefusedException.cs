namespace InnovationCases.Features.Admin;

/// <summary>Rolls back a write that has saved part of its work when a later check refuses it.</summary>
internal sealed class RefusedException(IReadOnlyList<string> reasons) : Exception(string.Join(" ", reasons))
{
    public IReadOnlyList<string> Reasons { get; } = reasons;
}
