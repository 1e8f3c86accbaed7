using InnovationCases.Domain.Workflow;
using InnovationCases.Resources;

namespace InnovationCases.Domain.Assignments;

/// <summary>
/// Who may be asked to assess or advise on a case. Assessors are director group members with fresh
/// eyes (the very rule the assessment itself checks, <see cref="AssessmentRules.HasFreshEyes"/>);
/// advisers are advisory board members. Nobody inactive, nobody twice, and never a due date in the past.
/// </summary>
public static class AssignmentRules
{
    /// <summary>The role a person needs for a kind of assignment.</summary>
    public static Role RoleFor(AssignmentKind kind) => kind == AssignmentKind.Assessment ? Role.DirectorGroup : Role.AdvisoryBoard;

    /// <summary>Why <paramref name="person"/> may not be given the assignment, or null when they may.</summary>
    public static string? WhyNot(Actor person, bool isActive, InnovationCase c, PoolKind pool, AssignmentKind kind)
    {
        if (!isActive)
        {
            return string.Format(AssignmentText.User_Inactive, person.Name);
        }

        if (person.Role != RoleFor(kind))
        {
            return string.Format(AssignmentText.User_WrongRole, person.Name, kind.Label().ToLowerInvariant());
        }

        if (kind == AssignmentKind.Assessment && !AssessmentRules.HasFreshEyes(person, c, pool))
        {
            return string.Format(AssignmentText.User_OwnDepartment, person.Name);
        }

        return c.Assignments.Any(a => a.UserId == person.UserId && a.Kind == kind)
            ? string.Format(AssignmentText.User_Already, person.Name)
            : null;
    }

    /// <summary>Why the case takes no assignment of this kind now, or null when it does.</summary>
    public static string? WhyNotNow(InnovationCase c, AssignmentKind kind) =>
        !c.Stage.IsActive() ? AssignmentText.Stage_NotOpen
        : kind == AssignmentKind.Assessment && c.Stage is not (Stage.Submitted or Stage.Screened) ? AssignmentText.Stage_NotForAssessment
        : null;

    /// <summary>A due date must be given and may not lie before today (Danish time).</summary>
    public static string? WhyNotDue(DateOnly? due, DateOnly today) =>
        due is not { } d ? AssignmentText.Due_Required
        : d < today ? AssignmentText.Due_Past
        : null;

    /// <summary>
    /// Spreads cases over assessors evenly: each case goes to the eligible assessor with the fewest
    /// cases so far (ties to the earlier one in the list), so nobody gets two more than another
    /// unless fresh eyes force it. A case nobody may take is left out with its case.
    /// </summary>
    public static IReadOnlyList<(TCase Case, TPerson? Person)> Spread<TCase, TPerson>(
        IEnumerable<TCase> cases, IReadOnlyList<TPerson> people, Func<TCase, TPerson, bool> eligible)
        where TPerson : class
    {
        var load = people.ToDictionary(p => p, _ => 0);
        var result = new List<(TCase, TPerson?)>();
        foreach (var c in cases)
        {
            var chosen = people.Where(p => eligible(c, p)).OrderBy(p => load[p]).FirstOrDefault();
            if (chosen is not null)
            {
                load[chosen]++;
            }

            result.Add((c, chosen));
        }

        return result;
    }
}
