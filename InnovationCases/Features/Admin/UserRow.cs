using InnovationCases.Domain;

namespace InnovationCases.Features.Admin;

/// <summary>A user as the admin list shows it.</summary>
public sealed record UserRow(
    string Id,
    string Email,
    string DisplayName,
    Role Role,
    int? DepartmentId,
    string? DepartmentName,
    bool IsActive,
    bool IsLockedOut,
    bool HasExternalLogin);
