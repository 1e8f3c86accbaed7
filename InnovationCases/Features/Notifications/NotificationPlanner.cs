using InnovationCases.Domain;
using InnovationCases.Features.CaseChanges;
using Microsoft.Extensions.Options;

namespace InnovationCases.Features.Notifications;

/// <summary>
/// The part of a notification that joins the change's transaction (the pipeline calls it before its
/// save): one <see cref="PendingFanOut"/> row per recorded event that notifies, and nothing else.
/// Who is told, by which choice and with which text is decided after the commit by the
/// <see cref="NotificationFanOut"/>: a move pays one small INSERT for its notifications, not a
/// recipient query and a row per recipient (benchmark B9b).
/// </summary>
public sealed class NotificationPlanner(IOptions<NotificationOptions> options)
{
    /// <summary>
    /// Whether <paramref name="ev"/> gets a pending fan-out row: the one rule, used here for the tracked
    /// events and by the pipeline for a move's event, which it writes with plain SQL.
    /// </summary>
    public bool FansOut(CaseEvent ev) => options.Value.Enabled && NotificationRules.Notifies(ev.Kind);

    public Task PlanAsync(CaseChangeScope scope, IReadOnlyList<(InnovationCase Case, CaseEvent Event)> recorded)
    {
        foreach (var (_, ev) in recorded)
        {
            if (FansOut(ev))
            {
                // The event's generated id becomes the row's key when the change saves.
                scope.Db.PendingFanOuts.Add(new PendingFanOut { Event = ev });
            }
        }

        return Task.CompletedTask;
    }
}
