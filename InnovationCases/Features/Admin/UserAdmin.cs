using System.ComponentModel.DataAnnotations;
using InnovationCases.Data;
using InnovationCases.Domain;
using InnovationCases.Resources;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace InnovationCases.Features.Admin;

/// <summary>
/// Users: create, change role and department, deactivate, reset passwords, and the first
/// administrator. Every command by a person is guarded by <see cref="AdminGuard"/> and audited in
/// its transaction; display names are cleaned with <see cref="Text.Clean"/> before they are checked
/// and stored.
/// </summary>
public sealed class UserAdmin(
    AdminGuard guard,
    AdminAudit audit,
    AdminUserManagers userManagers,
    DbWriter writer,
    ILookupNormalizer normalizer,
    TimeProvider clock)
{
    public const int EmailMax = 256;

    /// <summary>All users, active first.</summary>
    public async Task<IReadOnlyList<UserRow>> GetUsersAsync(Actor actor, CancellationToken ct = default)
    {
        await using var db = await guard.OpenReadAsync(actor, ct);
        var departments = await db.Departments.ToDictionaryAsync(d => d.Id, d => d.Name, ct);
        var external = (await db.UserLogins.Select(l => l.UserId).Distinct().ToListAsync(ct)).ToHashSet();
        var now = clock.GetUtcNow();
        var users = await db.Users.AsNoTracking().ToListAsync(ct);
        return users
            .OrderByDescending(u => u.IsActive).ThenBy(u => u.DisplayName, StringComparer.Create(Money.Danish, true))
            .Select(u => new UserRow(
                u.Id, u.Email ?? "", u.DisplayName, u.Role, u.DepartmentId,
                u.DepartmentId is { } d ? departments.GetValueOrDefault(d) : null,
                u.IsActive, u.LockoutEnd is { } end && end > now, external.Contains(u.Id)))
            .ToList();
    }

    /// <summary>Creates a user with an initial password the admin hands over.</summary>
    public Task<AdminResult> CreateUserAsync(Actor actor, UserInput input, CancellationToken ct = default) =>
        guard.WriteAsync(actor, async db =>
        {
            var errors = await ValidateUserAsync(db, input, ct);
            if (string.IsNullOrWhiteSpace(input.Password))
            {
                errors.Add(AdminText.User_PasswordRequired);
            }

            if (errors.Count > 0)
            {
                return AdminResult.Refused(errors);
            }

            var email = input.Email.Trim();
            var user = new AppUser
            {
                UserName = email,
                Email = email,
                EmailConfirmed = true,
                DisplayName = Text.Clean(input.DisplayName),
                Role = input.Role,
                DepartmentId = input.DepartmentId,
            };
            using var users = userManagers.For(db);
            var created = await users.CreateAsync(user, input.Password);
            if (!created.Succeeded)
            {
                return AdminResult.Refused(created.Errors.Select(e => e.Description));
            }

            audit.Record(db, actor, AuditEntity.User, email, string.Format(AdminText.Audit_UserCreated,
                user.DisplayName, user.Role.Label(), await AdminAudit.DepartmentNameAsync(db, user.DepartmentId, ct)));
            await db.SaveChangesAsync(ct);
            return AdminResult.Ok;
        }, ct);

    /// <summary>Changes name, role and department. A changed role or department ends the user's open sessions (new security stamp).</summary>
    public Task<AdminResult> UpdateUserAsync(Actor actor, string userId, UserInput input, CancellationToken ct = default) =>
        guard.WriteAsync(actor, async db =>
        {
            var user = await db.Users.SingleOrDefaultAsync(u => u.Id == userId, ct);
            if (user is null)
            {
                return AdminResult.Refused(AdminText.User_NotFound);
            }

            var errors = await ValidateUserAsync(db, input, ct, existingUserId: userId);
            if (user.Id == actor.UserId && input.Role != Role.Admin)
            {
                errors.Add(AdminText.User_CannotDemoteSelf);
            }

            if (errors.Count > 0)
            {
                return AdminResult.Refused(errors);
            }

            var changes = new List<string>();
            var name = Text.Clean(input.DisplayName);
            if (name != user.DisplayName)
            {
                changes.Add(string.Format(AdminText.Audit_Field, AdminText.User_Name, user.DisplayName, name));
                user.DisplayName = name;
            }

            var accessChanged = user.Role != input.Role || user.DepartmentId != input.DepartmentId;
            if (user.Role != input.Role)
            {
                changes.Add(string.Format(AdminText.Audit_Field, AdminText.User_Role, user.Role.Label(), input.Role.Label()));
                user.Role = input.Role;
            }

            if (user.DepartmentId != input.DepartmentId)
            {
                changes.Add(string.Format(AdminText.Audit_Field, AdminText.User_Department,
                    await AdminAudit.DepartmentNameAsync(db, user.DepartmentId, ct), await AdminAudit.DepartmentNameAsync(db, input.DepartmentId, ct)));
                user.DepartmentId = input.DepartmentId;
            }

            if (changes.Count == 0)
            {
                return AdminResult.Ok;
            }

            using var users = userManagers.For(db);
            var updated = accessChanged ? await users.UpdateSecurityStampAsync(user) : await users.UpdateAsync(user);
            AdminUserManagers.Check(updated);

            audit.Record(db, actor, AuditEntity.User, user.Email ?? user.Id, string.Join("; ", changes));
            await db.SaveChangesAsync(ct);
            return AdminResult.Ok;
        }, ct);

    /// <summary>
    /// Deactivates (kept for the audit trail, cannot sign in) or reactivates a user. Deactivation
    /// also renews the security stamp, so open circuits are thrown out at the next revalidation.
    /// </summary>
    public Task<AdminResult> SetActiveAsync(Actor actor, string userId, bool active, CancellationToken ct = default) =>
        guard.WriteAsync(actor, async db =>
        {
            var user = await db.Users.SingleOrDefaultAsync(u => u.Id == userId, ct);
            if (user is null)
            {
                return AdminResult.Refused(AdminText.User_NotFound);
            }

            if (user.Id == actor.UserId && !active)
            {
                return AdminResult.Refused(AdminText.User_CannotDeactivateSelf);
            }

            if (user.IsActive == active)
            {
                return AdminResult.Ok;
            }

            user.IsActive = active;
            using var users = userManagers.For(db);
            var updated = await users.UpdateSecurityStampAsync(user);
            AdminUserManagers.Check(updated);

            audit.Record(db, actor, AuditEntity.User, user.Email ?? user.Id, active ? AdminText.Audit_UserReactivated : AdminText.Audit_UserDeactivated);
            await db.SaveChangesAsync(ct);
            return AdminResult.Ok;
        }, ct);

    /// <summary>Sets a new password (and lifts a lockout); the user's open sessions end.</summary>
    public Task<AdminResult> ResetPasswordAsync(Actor actor, string userId, string newPassword, CancellationToken ct = default) =>
        guard.WriteAsync(actor, async db =>
        {
            var user = await db.Users.SingleOrDefaultAsync(u => u.Id == userId, ct);
            if (user is null)
            {
                return AdminResult.Refused(AdminText.User_NotFound);
            }

            if (string.IsNullOrWhiteSpace(newPassword))
            {
                return AdminResult.Refused(AdminText.User_PasswordRequired);
            }

            using var users = userManagers.For(db);
            foreach (var validator in users.PasswordValidators)
            {
                var valid = await validator.ValidateAsync(users, user, newPassword);
                if (!valid.Succeeded)
                {
                    return AdminResult.Refused(valid.Errors.Select(e => e.Description));
                }
            }

            user.PasswordHash = users.PasswordHasher.HashPassword(user, newPassword);
            user.LockoutEnd = null;
            user.AccessFailedCount = 0;
            var updated = await users.UpdateSecurityStampAsync(user);
            AdminUserManagers.Check(updated);

            audit.Record(db, actor, AuditEntity.User, user.Email ?? user.Id, AdminText.Audit_PasswordReset);
            await db.SaveChangesAsync(ct);
            return AdminResult.Ok;
        }, ct);

    /// <summary>
    /// Creates an administrator without a signed-in actor: the production bootstrap (configuration or
    /// the create-admin command). With <paramref name="onlyIfNoAdmin"/> nothing happens when an active
    /// administrator exists already.
    /// </summary>
    public Task<AdminResult> CreateAdminAsync(string email, string displayName, string password, string source, bool onlyIfNoAdmin, CancellationToken ct = default) =>
        writer.WriteAsync(async db =>
        {
            if (onlyIfNoAdmin && await db.Users.AnyAsync(u => u.Role == Role.Admin && u.IsActive, ct))
            {
                return AdminResult.Refused(AdminText.Bootstrap_AdminExists);
            }

            var input = new UserInput { Email = email, DisplayName = displayName, Role = Role.Admin, Password = password };
            var errors = await ValidateUserAsync(db, input, ct);
            if (errors.Count > 0)
            {
                return AdminResult.Refused(errors);
            }

            var user = new AppUser { UserName = input.Email.Trim(), Email = input.Email.Trim(), EmailConfirmed = true, DisplayName = Text.Clean(input.DisplayName), Role = Role.Admin };
            using var users = userManagers.For(db);
            var created = await users.CreateAsync(user, password);
            if (!created.Succeeded)
            {
                return AdminResult.Refused(created.Errors.Select(e => e.Description));
            }

            audit.RecordSystem(db, source, AuditEntity.User, user.Email!,
                string.Format(AdminText.Audit_UserCreated, user.DisplayName, Role.Admin.Label(), AdminText.None));
            await db.SaveChangesAsync(ct);
            return AdminResult.Ok;
        }, ct);

    private async Task<List<string>> ValidateUserAsync(AppDbContext db, UserInput input, CancellationToken ct, string? existingUserId = null)
    {
        var errors = new List<string>();
        var email = input.Email.Trim();
        if (existingUserId is null)
        {
            if (email.Length == 0)
            {
                errors.Add(AdminText.User_EmailRequired);
            }
            else if (email.Length > EmailMax || !new EmailAddressAttribute().IsValid(email) || !Notifications.MailAddresses.IsDeliverable(email))
            {
                errors.Add(AdminText.User_EmailInvalid);
            }
            else
            {
                var normalized = normalizer.NormalizeEmail(email);
                if (await db.Users.AnyAsync(u => u.NormalizedEmail == normalized || u.NormalizedUserName == normalized, ct))
                {
                    errors.Add(string.Format(AdminText.User_EmailTaken, email));
                }
            }
        }

        var name = Text.Clean(input.DisplayName);
        if (name.Length == 0)
        {
            errors.Add(AdminText.User_NameRequired);
        }
        else if (name.Length > Limits.UserNameMax)
        {
            errors.Add(string.Format(AdminText.User_NameTooLong, Limits.UserNameMax));
        }

        if (!Enum.IsDefined(input.Role))
        {
            errors.Add(AdminText.User_RoleInvalid);
        }

        if (input.DepartmentId is { } d && !await db.Departments.AnyAsync(x => x.Id == d, ct))
        {
            errors.Add(AdminText.User_DepartmentUnknown);
        }
        else if (input.Role == Role.DepartmentStaff && input.DepartmentId is null)
        {
            errors.Add(AdminText.User_DepartmentRequired);
        }

        return errors;
    }
}
