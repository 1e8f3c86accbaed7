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

    /// <summary>Events on the user's cases up to this moment have been seen in the notification list.</summary>
    public DateTime? NotificationsReadAt { get; set; }

    public Actor ToActor() => new(Id, DisplayName, Role, DepartmentId);
}
