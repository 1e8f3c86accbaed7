using InnovationCases.Domain;

namespace InnovationCases.Features.Notifications;

/// <summary>
/// Which kinds each role can receive, and how until the user chooses otherwise. A kind missing for
/// a role is never sent to it (and not offered on the settings page): e.g. department staff get no
/// assessment notifications, because they may not read assessments. Due reports and milestones and
/// the fail-fast flag are about "my department's case", so only department staff receive them.
/// "Fra" (<see cref="NotificationDelivery.Off"/>) means no e-mail: the notification is still shown in the app.
/// </summary>
public static class NotificationDefaults
{
    private static readonly Dictionary<Role, Dictionary<NotificationKind, NotificationDelivery>> Table = new()
    {
        [Role.Caseworker] = new()
        {
            // The moves of the cases they registered: in Mine sager as before the outbox, by e-mail if they choose.
            [NotificationKind.CaseMoved] = NotificationDelivery.Off,
            [NotificationKind.CouncilDecisionPending] = NotificationDelivery.Immediately,
            [NotificationKind.StaleCases] = NotificationDelivery.DailyDigest,
            [NotificationKind.Mention] = NotificationDelivery.Immediately,
        },
        [Role.DirectorGroup] = new()
        {
            [NotificationKind.AssessmentAssigned] = NotificationDelivery.Immediately,
            [NotificationKind.AssessmentDue] = NotificationDelivery.Immediately,
            [NotificationKind.Mention] = NotificationDelivery.Immediately,
        },
        [Role.DepartmentStaff] = new()
        {
            [NotificationKind.CaseMoved] = NotificationDelivery.Immediately,
            [NotificationKind.DeliveryDue] = NotificationDelivery.DailyDigest,
            [NotificationKind.FailFastFlag] = NotificationDelivery.Immediately,
        },
        [Role.AdvisoryBoard] = new()
        {
            [NotificationKind.AssessmentAssigned] = NotificationDelivery.Immediately,
            [NotificationKind.AssessmentDue] = NotificationDelivery.Immediately,
            [NotificationKind.Mention] = NotificationDelivery.Immediately,
        },
    };

    /// <summary>The kinds the role can receive, in the settings page's order.</summary>
    public static IReadOnlyList<NotificationKind> KindsFor(Role role) =>
        Table.TryGetValue(role, out var kinds) ? kinds.Keys.OrderBy(k => k).ToList() : [];

    /// <summary>The role's default, or null when the role never receives the kind.</summary>
    public static NotificationDelivery? DefaultFor(Role role, NotificationKind kind) =>
        Table.TryGetValue(role, out var kinds) && kinds.TryGetValue(kind, out var d) ? d : null;

    /// <summary>What to do for a user: their choice if the role may receive the kind, else off.</summary>
    public static NotificationDelivery Resolve(Role role, NotificationKind kind, NotificationDelivery? chosen) =>
        DefaultFor(role, kind) is { } fallback ? chosen ?? fallback : NotificationDelivery.Off;
}
