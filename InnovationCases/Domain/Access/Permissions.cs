namespace InnovationCases.Domain.Access;

/// <summary>
/// Every "may this actor …" question outside the workflow, answered once. The workflow's own rules
/// (<see cref="Workflow.WorkflowRules"/>) answer "may they fire this trigger"; case visibility is
/// <see cref="CaseAccess"/>. Pages, services and live feeds ask here; the server checks every
/// command again whatever the page showed.
/// </summary>
public static class Permissions
{
    /// <summary>
    /// Assessments (scores, comments) are internal to the secretariat, the director group and
    /// management. Department staff never read them, and neither does the system administrator, who
    /// runs users and budgets, not cases.
    /// </summary>
    public static bool MayReadAssessments(this Actor actor) =>
        actor.Role is Role.Caseworker or Role.DirectorGroup or Role.Manager;

    /// <summary>Only the director group scores applications (the fresh-eyes rule is the assessment rules').</summary>
    public static bool MayAssess(this Actor actor) => actor.Role == Role.DirectorGroup;

    /// <summary>The all-cases views: the grid, the dashboard and the reports.</summary>
    public static bool MayReadAllCases(this Actor actor) =>
        actor.Role is Role.Caseworker or Role.DirectorGroup or Role.Manager;

    /// <summary>Who may write an application: caseworkers, and department staff for their own department.</summary>
    public static bool MayApply(this Actor actor) =>
        actor.Role == Role.Caseworker || (actor.Role == Role.DepartmentStaff && actor.DepartmentId is not null);

    /// <summary>Department staff always apply for, and are shown as, their own department.</summary>
    public static bool ActsForOwnDepartment(this Actor actor) => actor.Role == Role.DepartmentStaff;

    /// <summary>Managers watch the board; they move nothing; nor does the advisory board, which only advises.</summary>
    public static bool IsReadOnly(this Actor actor) => actor.Role is Role.Manager or Role.Admin or Role.AdvisoryBoard;

    /// <summary>
    /// The lists of cases (board, grid, dashboard, reports, pools, knowledge bank, Mine sager):
    /// everyone but the advisory board, who reach their assigned cases one by one from
    /// "Mine vurderinger" and nowhere else.
    /// </summary>
    public static bool MayBrowseCases(this Actor actor) =>
        actor.Role is Role.Caseworker or Role.DirectorGroup or Role.Manager or Role.Admin or Role.DepartmentStaff;

    /// <summary>Contact persons' e-mail and phone are for the municipality's own people, never the advisory board.</summary>
    public static bool MayReadContactDetails(this Actor actor) => actor.Role != Role.AdvisoryBoard;

    /// <summary>Caseworkers assign assessors and advisory members and run the application rounds.</summary>
    public static bool MayAssign(this Actor actor) => actor.Role == Role.Caseworker;

    /// <summary>The advisory board's advice is for the director group and the caseworkers (and its author).</summary>
    public static bool MayReadAdvice(this Actor actor) => actor.Role is Role.Caseworker or Role.DirectorGroup or Role.AdvisoryBoard;

    /// <summary>Only an advisory member writes advice, and only on a case they are assigned to advise on.</summary>
    public static bool MayAdvise(this Actor actor, InnovationCase c) =>
        actor.Role == Role.AdvisoryBoard && c.Assignments.Any(a => a.UserId == actor.UserId && a.Kind == Assignments.AssignmentKind.Advice);

    /// <summary>
    /// May the actor edit the application now: the lead department's staff while it is Submitted,
    /// caseworkers afterwards while the case is open. Evaluated and closed cases are read-only.
    /// </summary>
    public static bool MayEdit(this Actor actor, InnovationCase c) =>
        actor.CanSee(c) && c.Stage.IsActive() &&
        (actor.Role == Role.Caseworker || (c.Stage == Stage.Submitted && actor.IsStaffOf(c.LeadDepartmentId)));

    /// <summary>The application's fields a decision rests on: money, pool, year and lead department.</summary>
    public static readonly IReadOnlySet<string> DecisionFields = new HashSet<string>
    {
        nameof(InnovationCase.RequestedAmount), nameof(InnovationCase.InternalCoFinancing), nameof(InnovationCase.ExternalCoFinancing),
        nameof(InnovationCase.ExpectedAnnualGain), "PoolKind", nameof(InnovationCase.BudgetYear), nameof(InnovationCase.LeadDepartmentId),
    };

    /// <summary>
    /// The fields nobody may edit now: from the recommendation on, the figures the director group
    /// recommended on (and the pool they are paid from) are fixed, so an edit cannot undercut a
    /// recommended or granted amount or move a case into a pool with other rules.
    /// </summary>
    public static IReadOnlySet<string> LockedFields(this InnovationCase c) =>
        c.Stage is Stage.Submitted or Stage.Screened ? new HashSet<string>() : DecisionFields;

    /// <summary>Yearly effect reports: the lead department's staff or a caseworker, once the money is granted.</summary>
    public static bool MayReportEffects(this Actor actor, InnovationCase c) =>
        c.Stage is Stage.Granted or Stage.Implemented or Stage.Evaluated &&
        (actor.Role == Role.Caseworker || actor.IsStaffOf(c.LeadDepartmentId));

    /// <summary>"Mine sager": department staff follow their department's cases, everyone else the cases they submitted.</summary>
    public static bool FollowsDepartmentCases(this Actor actor) => actor.Role == Role.DepartmentStaff;

    /// <summary>
    /// Indicators, measurements and milestones of a granted, implemented or evaluated case: the lead
    /// department's staff or a caseworker. Managers and the director group read them only.
    /// </summary>
    public static bool MayRecordDelivery(this Actor actor, InnovationCase c) =>
        c.Stage is Stage.Granted or Stage.Implemented or Stage.Evaluated &&
        (actor.Role == Role.Caseworker || actor.IsStaffOf(c.LeadDepartmentId));

    /// <summary>
    /// Payments out of a grant while the project runs: caseworkers, or the department whose local
    /// funds paid the grant (it runs its own awards, as in the workflow).
    /// </summary>
    public static bool MayRecordPayments(this Actor actor, InnovationCase c, Pool pool) =>
        c.Stage is Stage.Granted or Stage.Implemented &&
        (actor.Role == Role.Caseworker || (pool.Kind == PoolKind.LocalFunds && pool.DepartmentId is { } d && actor.IsStaffOf(d)));
    /// The knowledge bank is for the whole municipality, but as an allow-list: a role added later
    /// (the advisory board) reads nothing until it is named here.
    /// </summary>
    public static bool MayReadKnowledgeBank(this Actor actor) =>
        actor.Role is Role.Caseworker or Role.DirectorGroup or Role.Manager or Role.DepartmentStaff or Role.Admin;

    /// <summary>A solution can be taken into use once it has been carried out.</summary>
    public static bool IsAdoptable(this InnovationCase c) => c.Stage is Stage.Implemented or Stage.Evaluated;

    /// <summary>Stories are about granted projects: the lead department's staff or a caseworker writes them.</summary>
    public static bool MayWriteStory(this Actor actor, InnovationCase c) =>
        c.GrantedAmount is not null && (actor.Role == Role.Caseworker || actor.IsStaffOf(c.LeadDepartmentId));

    /// <summary>Only a caseworker makes a story (and with it the project's public facts) public.</summary>
    public static bool MayPublishStory(this Actor actor) => actor.Role == Role.Caseworker;

    /// <summary>A case's knowledge entry (lessons, effects, spread): evaluated and stopped cases, for every knowledge-bank reader.</summary>
    public static bool MayReadKnowledgeEntry(this Actor actor, InnovationCase c) =>
        actor.MayReadKnowledgeBank() && c.Stage is Stage.Evaluated or Stage.Stopped;

    /// <summary>
    /// May the actor record that <paramref name="departmentId"/> takes the case's solution into use:
    /// a carried-out solution the actor can reach (its case, or its knowledge entry), never the lead
    /// department's own, and for department staff only their own department.
    /// </summary>
    public static bool MayRecordAdoption(this Actor actor, InnovationCase c, int departmentId) =>
        c.IsAdoptable() && departmentId != c.LeadDepartmentId &&
        (actor.CanSee(c) || actor.MayReadKnowledgeEntry(c)) &&
        (actor.Role == Role.Caseworker || actor.IsStaffOf(departmentId));

    /// <summary>
    /// Internal notes are an allow-list: caseworkers, the director group (the assessors) and the
    /// advisory board (on their assigned cases, which is all they see). Department staff, managers,
    /// the administrator and any role added later read no note and no note event, by any path.
    /// </summary>
    public static bool MayReadNotes(this Actor actor) => actor.Role is Role.Caseworker or Role.DirectorGroup or Role.AdvisoryBoard;

    /// <summary>Notes are written on a case the actor can see, by those who read notes.</summary>
    public static bool MayWriteNote(this Actor actor, InnovationCase c) => actor.MayReadNotes() && actor.CanSee(c);

    /// <summary>Events about notes exist only for those who read notes; every other event follows the case's visibility.</summary>
    public static bool MayReadEvent(this Actor actor, CaseEventKind kind) => !kind.IsNoteEvent() || actor.MayReadNotes();

    public static bool IsNoteEvent(this CaseEventKind kind) => kind is CaseEventKind.NoteAdded or CaseEventKind.NoteEdited;
}
