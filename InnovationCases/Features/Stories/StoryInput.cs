namespace InnovationCases.Features.Stories;

/// <summary>A story as the writer typed it.</summary>
public sealed class StoryInput
{
    public string Title { get; set; } = "";
    public string Lead { get; set; } = "";
    public string Body { get; set; } = "";
    public string WentWrong { get; set; } = "";
}
