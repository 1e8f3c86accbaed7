using InnovationCases.Domain;
using Microsoft.AspNetCore.Identity;

namespace InnovationCases.Data;

/// <summary>A person who signs in. Deactivated users are kept for the audit trail but cannot sign in.</summary>
public sealed class AppUser : IdentityUser
{
    public string DisplayName { get; set; } = "";
    public Role Role { get; set; }
    public int? DepartmentId { get; set; }
    public bool IsActive { get; set; } = true;

    /// <summary>
    /// No longer read: notifications carry their own read mark (<c>OutboxMessage.ReadAt</c>). Kept so
    /// this change does not rebuild the users table on SQLite; drop it with a later migration.
    /// </summary>
    public DateTime? NotificationsReadAt { get; set; }

    public Actor ToActor() => new(Id, DisplayName, Role, DepartmentId);
}
