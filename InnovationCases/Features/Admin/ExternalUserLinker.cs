using InnovationCases.Data;
using InnovationCases.Domain;
using InnovationCases.Features.Account.Oidc;
using InnovationCases.Resources;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace InnovationCases.Features.Admin;

/// <summary>Links single sign-on identities to local users (<see cref="OidcSignIn"/>).</summary>
public sealed class ExternalUserLinker(DbWriter writer, AdminUserManagers userManagers, AdminAudit audit)
{
    /// <summary>
    /// The local user for a single sign-on: found by its provider login, else by e-mail (and linked),
    /// else created without a password. The provider's groups are the authority on role and
    /// department, so they are updated at each sign-in; every change is audited. A deactivated
    /// user stays out.
    /// </summary>
    public Task<(AppUser? User, OidcRefusal? Refusal)> ProvisionAsync(OidcMapping mapping, CancellationToken ct = default) =>
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
            using var users = userManagers.For(db);
            var user = await users.FindByLoginAsync(login.LoginProvider, login.ProviderKey) ?? await users.FindByEmailAsync(mapping.Email);
            var changes = new List<string>();
            if (user is null)
            {
                user = new AppUser
                {
                    UserName = mapping.Email,
                    Email = mapping.Email,
                    EmailConfirmed = true,
                    DisplayName = DisplayName(mapping.Name),
                    Role = role,
                    DepartmentId = departmentId,
                };
                AdminUserManagers.Check(await users.CreateAsync(user));
                changes.Add(string.Format(AdminText.Audit_UserCreated, user.DisplayName, role.Label(), await AdminAudit.DepartmentNameAsync(db, departmentId, ct)));
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
                        await AdminAudit.DepartmentNameAsync(db, user.DepartmentId, ct), await AdminAudit.DepartmentNameAsync(db, departmentId, ct)));
                }

                user.Role = role;
                user.DepartmentId = departmentId;
                AdminUserManagers.Check(await users.UpdateSecurityStampAsync(user));
            }

            if ((await users.GetLoginsAsync(user)).All(l => l.LoginProvider != login.LoginProvider))
            {
                AdminUserManagers.Check(await users.AddLoginAsync(user, login));
                changes.Add(AdminText.Audit_LoginLinked);
            }

            if (changes.Count > 0)
            {
                audit.RecordSystem(db, AdminText.Oidc_Provider, AuditEntity.User, user.Email ?? user.Id, string.Join("; ", changes));
                await db.SaveChangesAsync(ct);
            }

            return (user, null);
        }, ct);

    /// <summary>The provider's name is stored as a typed one would be: cleaned, and cut to the limit rather than refused.</summary>
    private static string DisplayName(string name)
    {
        var clean = Text.Clean(name);
        return clean.Length <= Limits.UserNameMax ? clean : clean[..Limits.UserNameMax];
    }
}
