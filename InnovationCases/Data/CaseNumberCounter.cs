namespace InnovationCases.Data;

/// <summary>The last case number handed out per year; numbers are never reused.</summary>
public sealed class CaseNumberCounter
{
    public int Year { get; set; }
    public int Last { get; set; }
}
