using InnovationCases.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace InnovationCases.Features.Admin;

/// <summary>
/// User managers on the writer's context, so that a user change and its audit entry share one
/// transaction (the app's scoped <see cref="UserManager{TUser}"/> has its own context).
/// </summary>
public sealed class AdminUserManagers(
    IServiceProvider services,
    IOptions<IdentityOptions> identityOptions,
    IPasswordHasher<AppUser> passwordHasher,
    IEnumerable<IUserValidator<AppUser>> userValidators,
    IEnumerable<IPasswordValidator<AppUser>> passwordValidators,
    ILookupNormalizer normalizer,
    IdentityErrorDescriber identityErrors,
    ILogger<UserManager<AppUser>> userManagerLogger)
{
    /// <summary>A user manager on <paramref name="db"/>; the caller disposes it.</summary>
    public UserManager<AppUser> For(AppDbContext db) => new(
        new UserStore<AppUser>(db, identityErrors),
        identityOptions,
        passwordHasher,
        userValidators,
        passwordValidators,
        normalizer,
        identityErrors,
        services,
        userManagerLogger);

    /// <summary>
    /// For identity operations whose input was validated already: a failure here is a bug, and
    /// throwing rolls the writer's transaction back.
    /// </summary>
    public static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join(", ", result.Errors.Select(e => e.Description)));
        }
    }
}
