using InnovationCases.Domain;

namespace InnovationCases.Features.Stories;

/// <summary>A case's story for the case page, with what the actor may do with it.</summary>
public sealed record StoryView(Story? Story, bool MayWrite, bool MayPublish);
