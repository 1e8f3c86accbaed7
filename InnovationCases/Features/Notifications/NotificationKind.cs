namespace InnovationCases.Features.Notifications;

/// <summary>
/// What a notification is about; stored by name, so adding a kind never renumbers rows. Each kind
/// needs a Danish name (<c>Kind_&lt;Name&gt;</c> in NotificationText.resx), a default per role
/// (<see cref="NotificationDefaults"/>) and a mapping that creates it: an event kind in
/// <see cref="NotificationRules"/> or a reminder in <see cref="NotificationScheduler"/>.
/// </summary>
public enum NotificationKind
{
    /// <summary>A case of my department (lead or partner) moved.</summary>
    CaseMoved,

    /// <summary>A recommended cross-cutting case needs a city-council decision before the grant (caseworkers).</summary>
    CouncilDecisionPending,

    /// <summary>Cases past the board's stage limit (a daily list for caseworkers).</summary>
    StaleCases,

    // Seams for issues 12 and 13: the kinds exist so preferences can be stored today; the rules
    // that create them are added with the features (an event kind or a reminder each).

    /// <summary>An assessment or advice was assigned to me.</summary>
    AssessmentAssigned,

    /// <summary>My assessment or advice is due in 3 days or overdue.</summary>
    AssessmentDue,

    /// <summary>An effect report or milestone of my department is due in 30 days or overdue.</summary>
    DeliveryDue,

    /// <summary>Someone mentioned me in a note.</summary>
    Mention,

    /// <summary>My department's case was flagged "Overvej at stoppe".</summary>
    FailFastFlag,

    /// <summary>The daily digest itself: one message collecting a day's notifications (not a choice on the settings page).</summary>
    Digest,
}
