using System.Security.Claims;
using InnovationCases.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace InnovationCases.Features.Account;

/// <summary>Puts the user's role, department and display name into the sign-in cookie.</summary>
public sealed class AppClaimsPrincipalFactory(UserManager<AppUser> users, IOptions<IdentityOptions> options, IDbContextFactory<AppDbContext> dbFactory)
    : UserClaimsPrincipalFactory<AppUser>(users, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(AppUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        string? departmentName = null;
        if (user.DepartmentId is { } d)
        {
            await using var db = await dbFactory.CreateDbContextAsync();
            departmentName = await db.Departments.Where(x => x.Id == d).Select(x => x.Name).SingleOrDefaultAsync();
        }

        identity.AddClaims(ActorClaims.For(user.DisplayName, user.Role, user.DepartmentId, departmentName));
        return identity;
    }
}
