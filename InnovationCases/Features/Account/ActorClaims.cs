using System.Globalization;
using System.Security.Claims;
using InnovationCases.Domain;

namespace InnovationCases.Features.Account;

/// <summary>How an <see cref="Actor"/> is carried in the sign-in cookie's claims, and read back.</summary>
public static class ActorClaims
{
    public const string DisplayName = "ic:name";
    public const string Department = "ic:department";
    public const string DepartmentName = "ic:department-name";

    public static IEnumerable<Claim> For(string displayName, Role role, int? departmentId, string? departmentName)
    {
        yield return new Claim(DisplayName, displayName);
        yield return new Claim(ClaimTypes.Role, role.ToString());
        if (departmentId is { } d)
        {
            yield return new Claim(Department, d.ToString(CultureInfo.InvariantCulture));
            yield return new Claim(DepartmentName, departmentName ?? "");
        }
    }

    /// <summary>The actor a principal stands for, or null when it is anonymous or lacks a valid role.</summary>
    public static Actor? ToActor(this ClaimsPrincipal principal)
    {
        var id = principal.FindFirstValue(ClaimTypes.NameIdentifier);
        if (id is null || !Enum.TryParse<Role>(principal.FindFirstValue(ClaimTypes.Role), out var role))
        {
            return null;
        }

        int? dept = int.TryParse(principal.FindFirstValue(Department), CultureInfo.InvariantCulture, out var d) ? d : null;
        return new Actor(id, principal.FindFirstValue(DisplayName) ?? principal.Identity?.Name ?? id, role, dept);
    }
}
