using InnovationCases.Domain;

namespace InnovationCases.Features.Account;

/// <summary>
/// Which roles use which part of the app, as role lists for <c>[Authorize(Roles = ...)]</c> and
/// <c>AuthorizeView</c>. Pages and navigation read the same constants.
/// </summary>
public static class RoleSets
{
    public const string Caseworker = nameof(Role.Caseworker);
    public const string Admin = nameof(Role.Admin);
    public const string DepartmentStaff = nameof(Role.DepartmentStaff);
    public const string AdvisoryBoard = nameof(Role.AdvisoryBoard);

    /// <summary>Those who are asked to assess or advise on cases ("Mine vurderinger").</summary>
    public const string Assignees = "DirectorGroup,AdvisoryBoard";

    /// <summary>Those who assign assessors and run application rounds.</summary>
    public const string Assigners = "Caseworker";

    /// <summary>Everyone who works with cases (not the administrator).</summary>
    public const string CaseUsers = "Caseworker,DirectorGroup,Manager,DepartmentStaff";

    /// <summary>Those who see all cases: the grid, dashboard and reports.</summary>
    public const string AllCasesReaders = "Caseworker,DirectorGroup,Manager";

    /// <summary>Those who may write an application.</summary>
    public const string Applicants = "Caseworker,DepartmentStaff";

    /// <summary>The knowledge bank's readers: an allow-list, like <c>Permissions.MayReadKnowledgeBank</c>.</summary>
    public const string KnowledgeReaders = "Caseworker,DirectorGroup,Manager,DepartmentStaff,Admin";

    public const string PoolReaders = "Caseworker,DirectorGroup,Manager,Admin";
}
