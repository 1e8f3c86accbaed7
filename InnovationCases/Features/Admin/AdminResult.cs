namespace InnovationCases.Features.Admin;

/// <summary>The outcome of an administrative command: stored, or refused with Danish reasons the admin can act on.</summary>
public sealed record AdminResult(bool Succeeded, IReadOnlyList<string> Errors)
{
    public static AdminResult Ok { get; } = new(true, []);

    public static AdminResult Refused(params IEnumerable<string> reasons) => new(false, reasons.ToList());
}
