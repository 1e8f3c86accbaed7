namespace InnovationCases.Features.Notifications;

/// <summary>Who a notification of a change goes to, before preferences and visibility are applied.</summary>
public enum Audience
{
    /// <summary>The staff of the case's lead and partner departments.</summary>
    CaseDepartments,

    /// <summary>Every caseworker.</summary>
    Caseworkers,

    // Issue 13 adds e.g. AssignedUser and MentionedUsers, resolved from the event's data.
}
