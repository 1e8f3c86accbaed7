namespace InnovationCases.Data;

/// <summary>An application being written: saved by its author, resumed later, submitted into a case.</summary>
public sealed class ApplicationDraft
{
    public int Id { get; set; }
    public required string OwnerUserId { get; set; }
    public int? DepartmentId { get; set; }
    public string Title { get; set; } = "";
    public DateTime UpdatedAt { get; set; }

    /// <summary>The form's fields as JSON; a draft may be incomplete, so it is not a case yet.</summary>
    public string PayloadJson { get; set; } = "{}";
}
