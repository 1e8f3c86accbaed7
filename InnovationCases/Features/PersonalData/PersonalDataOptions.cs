namespace InnovationCases.Features.PersonalData;

/// <summary><c>PersonalData:*</c> in configuration.</summary>
public sealed class PersonalDataOptions
{
    public const string Section = "PersonalData";

    /// <summary>Whole years after a case closed before its contact person's data is removed.</summary>
    public int RetentionYears { get; set; } = 5;
}
