namespace InnovationCases.Domain;

public enum CaseEventKind
{
    Created,
    Moved,
    Edited,
    Assessed,
    EffectReported,
    PersonalDataRemoved,
    Adopted,
    StorySaved,
    StoryPublished,
    StoryUnpublished,
}
