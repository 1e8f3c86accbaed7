using System.Security.Claims;
using InnovationCases.Domain;

namespace InnovationCases.Features.Account.Oidc;

/// <summary>
/// Who the identity provider says the user is, in the app's terms: role and department from the
/// group claims, or the Danish reason they get no access. <see cref="EmailVerified"/> is the
/// provider's <c>email_verified</c>: only a verified e-mail may link an existing local user.
/// </summary>
public sealed record OidcMapping(string Subject, string Email, string Name, Role? Role, string? DepartmentCode, OidcRefusal? Refusal, bool EmailVerified = false)
{
    public const string DepartmentCodeClaim = "ic:department-code";

    public bool Succeeded => Refusal is null && Role is not null;

    /// <summary>The role and department claims the mapping gives.</summary>
    public IEnumerable<Claim> Claims()
    {
        if (Role is { } r)
        {
            yield return new Claim(ClaimTypes.Role, r.ToString());
        }

        if (DepartmentCode is { } d)
        {
            yield return new Claim(DepartmentCodeClaim, d);
        }
    }
}
