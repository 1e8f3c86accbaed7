namespace InnovationCases.Features.Cases.Intake;

/// <summary>One changed field of an edit: its name, Danish label and the old and new values as shown.</summary>
public sealed record FieldChange(string Field, string Label, string Old, string New);
