namespace InnovationCases.Domain;

/// <summary>
/// A case's story (fortælling), one per case: what was done, what went well and what did not go as
/// planned. The body is Markdown as written; it is rendered and cleaned on every display, so hostile
/// input is stored but never runs. Only a published story (and its case's public facts) is public.
/// </summary>
public sealed class Story
{
    public int Id { get; set; }
    public int CaseId { get; set; }
    public string Title { get; set; } = "";
    public string Lead { get; set; } = "";
    public string BodyMarkdown { get; set; } = "";
    public string WentWrong { get; set; } = "";
    public bool IsPublished { get; set; }
    public DateTime? PublishedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public string WrittenByName { get; set; } = "";
}
