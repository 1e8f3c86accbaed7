namespace InnovationCases.Features.Notifications;

/// <summary>Who a notification of a change goes to, before preferences and visibility are applied.</summary>
public enum Audience
{
    /// <summary>The staff of the case's lead and partner departments.</summary>
    CaseDepartments,

    /// <summary>Every caseworker.</summary>
    Caseworkers,

    /// <summary>The users a note mentions (its event's data), if they may read notes.</summary>
    MentionedUsers,

    /// <summary>
    /// The caseworker who registered the case. Mine sager followed the moves of a caseworker's own
    /// registrations before the outbox; this keeps them there (in-app by default, see <see cref="NotificationDefaults"/>).
    /// </summary>
    CaseRegistrar,

    /// <summary>The one person an assessment or advice was just assigned to (the event's <c>UserId</c>).</summary>
    AssignedUser,
}
