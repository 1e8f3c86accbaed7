using InnovationCases.Domain;
using InnovationCases.Features.CaseChanges;

namespace InnovationCases.Features.PersonalData;

/// <summary>
/// Removes a case's contact person (name, e-mail, phone) inside a case change and records why.
/// The fields become empty rather than a placeholder: an empty field is plainly "no data", cannot be
/// mistaken for a real name or mailed to, and the timeline event says when and why it went.
/// </summary>
internal static class ContactData
{
    public static bool IsPresent(InnovationCase c) => c.ContactName != "" || c.ContactEmail != "" || c.ContactPhone != "";

    /// <summary>Empties the three fields and records the event; the event carries the reason only, never the removed values.</summary>
    public static void Remove(CaseChangeScope scope, InnovationCase c, Actor actor, string reason)
    {
        c.ContactName = "";
        c.ContactEmail = "";
        c.ContactPhone = "";
        var ev = CaseEvent.ForAnnotation(c, CaseEventKind.PersonalDataRemoved, actor, scope.Now, new { Reason = reason });
        ev.Note = reason;
        scope.Record(c, ev);
    }
}
