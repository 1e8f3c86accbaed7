using InnovationCases.Domain;

namespace InnovationCases.Features.Live;

/// <summary>
/// A committed change to one case, carrying what open pages need to update without reading the
/// database again, and what they need to decide whether their user may see it.
/// </summary>
public sealed record CaseChange(
    int CaseId,
    string CaseNumber,
    CaseEventKind Kind,
    Stage? FromStage,
    Stage ToStage,
    int Version,
    string ActorName,
    DateTime At,
    CaseParties Parties,
    string? Note = null,
    long EventId = 0)
{
    /// <summary>The change a saved event stands for; read after the save, so the version is the new one.</summary>
    public static CaseChange For(InnovationCase c, CaseEvent ev) =>
        new(c.Id, c.CaseNumber, ev.Kind, ev.FromStage, ev.ToStage, c.Version, ev.ActorName, ev.At,
            new CaseParties(c.LeadDepartmentId, c.PartnerDepartments.Select(p => p.DepartmentId), c.Assignments.Select(a => a.UserId)), ev.Note, ev.Id);

    /// <summary>Whether the actor may see this change at all: the case's visibility, and note events only for note readers.</summary>
    public bool IsVisibleTo(Actor actor) => actor.MayReadEvent(Kind) && actor.CanSee(Parties);
}
