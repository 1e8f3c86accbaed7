using InnovationCases.Data;
using InnovationCases.Domain;
using InnovationCases.Features.Account.Oidc;
using InnovationCases.Resources;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace InnovationCases.Features.Admin;

public sealed partial class AdminService
{
    /// <summary>
    /// The local user for a single sign-on: found by its provider login, else by e-mail (and linked),
    /// else created without a password. The provider's groups are the authority on role and
    /// department, so they are updated at each sign-in; every change is audited. A deactivated
    /// user stays out.
    /// </summary>
    public Task<(AppUser? User, OidcRefusal? Refusal)> ProvisionExternalUserAsync(OidcMapping mapping, CancellationToken ct = default) =>
        writer.WriteAsync<(AppUser?, OidcRefusal?)>(async db =>
        {
            if (!mapping.Succeeded)
            {
                return (null, mapping.Refusal ?? OidcRefusal.NoRole);
            }

            int? departmentId = null;
            if (mapping.DepartmentCode is { } code)
            {
                departmentId = await db.Departments.Where(d => d.Code == code).Select(d => (int?)d.Id).SingleOrDefaultAsync(ct);
                if (departmentId is null)
                {
                    return (null, OidcRefusal.UnknownDepartment);
                }
            }

            var role = mapping.Role!.Value;
            var login = new UserLoginInfo(OidcOptions.Scheme, mapping.Subject, AdminText.Oidc_Provider);
            using var users = UsersFor(db);
            var user = await users.FindByLoginAsync(login.LoginProvider, login.ProviderKey) ?? await users.FindByEmailAsync(mapping.Email);
            var changes = new List<string>();
            if (user is null)
            {
                user = new AppUser
                {
                    UserName = mapping.Email,
                    Email = mapping.Email,
                    EmailConfirmed = true,
                    DisplayName = Truncate(mapping.Name),
                    Role = role,
                    DepartmentId = departmentId,
                };
                Check(await users.CreateAsync(user));
                changes.Add(string.Format(AdminText.Audit_UserCreated, user.DisplayName, role.Label(), await DepartmentNameAsync(db, departmentId, ct)));
            }
            else if (!user.IsActive)
            {
                return (null, OidcRefusal.Deactivated);
            }
            else if ((await users.GetLoginsAsync(user)).Any(l => l.LoginProvider == login.LoginProvider && l.ProviderKey != login.ProviderKey))
            {
                // Same e-mail, another person at the provider (or a recreated account): never merge silently.
                return (null, OidcRefusal.OtherLogin);
            }
            else if (user.Role != role || user.DepartmentId != departmentId)
            {
                if (user.Role != role)
                {
                    changes.Add(string.Format(AdminText.Audit_Field, AdminText.User_Role, user.Role.Label(), role.Label()));
                }

                if (user.DepartmentId != departmentId)
                {
                    changes.Add(string.Format(AdminText.Audit_Field, AdminText.User_Department,
                        await DepartmentNameAsync(db, user.DepartmentId, ct), await DepartmentNameAsync(db, departmentId, ct)));
                }

                user.Role = role;
                user.DepartmentId = departmentId;
                Check(await users.UpdateSecurityStampAsync(user));
            }

            if ((await users.GetLoginsAsync(user)).All(l => l.LoginProvider != login.LoginProvider))
            {
                Check(await users.AddLoginAsync(user, login));
                changes.Add(AdminText.Audit_LoginLinked);
            }

            if (changes.Count > 0)
            {
                db.AdminAudit.Add(new AdminAuditEntry
                {
                    At = clock.GetUtcNow().UtcDateTime,
                    ActorUserId = SystemActorId,
                    ActorName = AdminText.Oidc_Provider,
                    Entity = AuditEntity.User,
                    EntityKey = user.Email ?? user.Id,
                    Change = string.Join("; ", changes),
                });
                await db.SaveChangesAsync(ct);
            }

            return (user, null);
        }, ct);

    private static string Truncate(string name) => name.Length <= NameMax ? name : name[..NameMax];

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join(", ", result.Errors.Select(e => e.Description)));
        }
    }
}
