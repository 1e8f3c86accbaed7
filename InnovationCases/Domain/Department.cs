namespace InnovationCases.Domain;

/// <summary>A magistratsafdeling. Its wage sum is the key for the local funds.</summary>
public sealed class Department
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public required string Code { get; set; }

    /// <summary>Annual wage sum in whole kroner.</summary>
    public long WageSum { get; set; }
}
