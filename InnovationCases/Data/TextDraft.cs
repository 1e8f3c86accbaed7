namespace InnovationCases.Data;

/// <summary>
/// What one person has typed so far into one form on one case (an assessment, a move's reason or
/// lessons), kept so that a lost circuit loses nothing. It is theirs alone and is removed when the
/// form's work is saved.
/// </summary>
public sealed class TextDraft
{
    public int Id { get; set; }
    public required string OwnerUserId { get; set; }
    public required string CaseNumber { get; set; }

    /// <summary>Which form: <c>Assessment</c>, or <c>Move:Evaluate</c> and the like.</summary>
    public required string FormKind { get; set; }

    public DateTime UpdatedAt { get; set; }

    /// <summary>The form's fields by name, as JSON.</summary>
    public string PayloadJson { get; set; } = "{}";
}
