using InnovationCases.Domain;

namespace InnovationCases.Features.Admin;

/// <summary>What the admin enters for a user. <see cref="Password"/> is used only when creating.</summary>
public sealed class UserInput
{
    public string Email { get; set; } = "";
    public string DisplayName { get; set; } = "";
    public Role Role { get; set; } = Role.Caseworker;
    public int? DepartmentId { get; set; }
    public string Password { get; set; } = "";
}
