using InnovationCases.Data;
using Microsoft.AspNetCore.Identity;

namespace InnovationCases.Features.Account.Oidc;

/// <summary>
/// Linking a provider account to an existing local user by e-mail hands that user's cases to whoever
/// the provider says owns the address. Only a verified address may do that; an unverified one may
/// still create a new user, or sign in through a login that is already linked.
/// </summary>
public static class OidcEmailLink
{
    public static async Task<OidcRefusal?> RefusalAsync(UserManager<AppUser> users, OidcMapping mapping)
    {
        if (!mapping.Succeeded || mapping.EmailVerified)
        {
            return null;
        }

        if (await users.FindByLoginAsync(OidcOptions.Scheme, mapping.Subject) is not null)
        {
            return null;
        }

        return await users.FindByEmailAsync(mapping.Email) is null ? null : OidcRefusal.UnverifiedEmail;
    }
}
