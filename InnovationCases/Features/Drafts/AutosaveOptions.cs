namespace InnovationCases.Features.Drafts;

/// <summary>How long a form waits after the last change before it saves its draft by itself.</summary>
public sealed class AutosaveOptions
{
    public TimeSpan Delay { get; set; } = TimeSpan.FromSeconds(2);
}
