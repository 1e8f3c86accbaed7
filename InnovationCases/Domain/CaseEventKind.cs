namespace InnovationCases.Domain;

public enum CaseEventKind
{
    Created,
    Moved,
    Edited,
    Assessed,
    EffectReported,
    PersonalDataRemoved,
    IndicatorAdded,
    MeasurementAdded,
    MilestoneAdded,
    MilestoneDone,
    PaymentRecorded,
    AssessorAssigned,
    ConflictDeclared,
    AdviceGiven,
    Adopted,
    StorySaved,
    StoryPublished,
    StoryUnpublished,
    NoteAdded,
    NoteEdited,
}
