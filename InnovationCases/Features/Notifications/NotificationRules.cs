using InnovationCases.Domain;

namespace InnovationCases.Features.Notifications;

/// <summary>
/// Which notifications an event causes, and for whom: the one mapping from case events to kinds.
/// Adding a kind caused by a change is one line here (issue 12's fail-fast flag, issue 13's
/// assignments and @mentions: their event kind, the notification kind, the audience).
/// </summary>
public static class NotificationRules
{
    /// <param name="amount">The recommended amount where there is one, else the requested (what the council threshold is about).</param>
    public static IEnumerable<(NotificationKind Kind, Audience Audience)> For(CaseEvent ev, PoolKind pool, long amount, bool isMultiYear)
    {
        if (ev.Kind == CaseEventKind.Moved)
        {
            yield return (NotificationKind.CaseMoved, Audience.CaseDepartments);
            yield return (NotificationKind.CaseMoved, Audience.CaseRegistrar);

            if (ev.ToStage == Stage.Recommended && BusinessCase.NeedsCouncilDecision(pool, amount, isMultiYear))
            {
                yield return (NotificationKind.CouncilDecisionPending, Audience.Caseworkers);
            }
        }
        else if (ev.Kind == CaseEventKind.AssessorAssigned)
        {
            yield return (NotificationKind.AssessmentAssigned, Audience.AssignedUser);
        }

        // A note's @mentions reach exactly the mentioned people (the planner checks they still read notes and see the case).
        else if (ev.Kind == CaseEventKind.NoteAdded)
        {
            yield return (NotificationKind.Mention, Audience.MentionedUsers);
        }
    }

    /// <summary>Does any event of this kind cause a notification? Lets the planner skip the rest cheaply.</summary>
    public static bool Notifies(CaseEventKind kind) => kind is CaseEventKind.Moved or CaseEventKind.AssessorAssigned or CaseEventKind.NoteAdded;
}
