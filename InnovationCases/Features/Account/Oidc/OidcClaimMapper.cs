using System.Security.Claims;
using InnovationCases.Domain;

namespace InnovationCases.Features.Account.Oidc;

/// <summary>
/// Maps the provider's claims to role and department. Pure: no database, no HTTP, so it is tested
/// on its own. When several groups give roles, the widest role wins (Admin, Caseworker,
/// DirectorGroup, Manager, DepartmentStaff). Groups that point to more than one department are
/// refused: a department decides which cases the user sees, so it must not be a guess.
/// </summary>
public static class OidcClaimMapper
{
    private static readonly Role[] Precedence = [Role.Admin, Role.Caseworker, Role.DirectorGroup, Role.Manager, Role.DepartmentStaff, Role.AdvisoryBoard];

    public static OidcMapping Map(IEnumerable<Claim> claims, OidcOptions options)
    {
        var list = claims.ToList();
        var roleMap = new Dictionary<string, string>(options.RoleMap, StringComparer.OrdinalIgnoreCase);
        var departmentMap = new Dictionary<string, string>(options.DepartmentMap, StringComparer.OrdinalIgnoreCase);
        string? First(params string[] types) =>
            types.Select(t => list.FirstOrDefault(c => c.Type == t)?.Value).FirstOrDefault(v => !string.IsNullOrWhiteSpace(v));

        var subject = First("sub", ClaimTypes.NameIdentifier, "oid") ?? "";
        var email = First("email", ClaimTypes.Email, "preferred_username", "upn", ClaimTypes.Upn) ?? "";
        var name = First("name", ClaimTypes.Name, ClaimTypes.GivenName) ?? email;
        // email_verified arrives as a JSON boolean (claim value "true") or, from some providers, a string.
        var emailVerified = options.TrustEmail
            || string.Equals(First("email_verified"), "true", StringComparison.OrdinalIgnoreCase);
        var groups = list.Where(c => c.Type == options.GroupClaim).Select(c => c.Value.Trim()).Where(v => v.Length > 0).ToList();

        var roles = groups
            .Select(g => roleMap.TryGetValue(g, out var r) && Enum.TryParse<Role>(r, ignoreCase: true, out var role) ? role : (Role?)null)
            .OfType<Role>()
            .Distinct()
            .ToList();
        Role? chosen = Precedence.Where(roles.Contains).Select(r => (Role?)r).FirstOrDefault();

        var departments = groups
            .Select(g => departmentMap.TryGetValue(g, out var code) ? code.Trim().ToUpperInvariant() : null)
            .OfType<string>()
            .Where(c => c.Length > 0)
            .Distinct()
            .ToList();

        OidcRefusal? refusal = null;
        if (subject.Length == 0 || email.Length == 0)
        {
            refusal = OidcRefusal.MissingIdentity;
        }
        else if (chosen is null)
        {
            refusal = OidcRefusal.NoRole;
        }
        else if (departments.Count > 1)
        {
            refusal = OidcRefusal.SeveralDepartments;
        }
        else if (chosen == Role.DepartmentStaff && departments.Count == 0)
        {
            refusal = OidcRefusal.NoDepartment;
        }

        return new OidcMapping(subject, email, name, chosen, departments.Count == 1 ? departments[0] : null, refusal, emailVerified);
    }
}
