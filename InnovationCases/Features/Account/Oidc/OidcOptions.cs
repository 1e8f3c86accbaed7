namespace InnovationCases.Features.Account.Oidc;

/// <summary>
/// Single sign-on with the municipality's identity provider (configuration section <c>Oidc</c>).
/// Off by default. Group claims decide role and department: <see cref="RoleMap"/> maps a group to a
/// role name (<c>Caseworker</c>, <c>DirectorGroup</c>, <c>Manager</c>, <c>DepartmentStaff</c>,
/// <c>Admin</c>), <see cref="DepartmentMap"/> maps a group to a department's short code (<c>MBU</c>).
/// </summary>
public sealed class OidcOptions
{
    public const string Section = "Oidc";
    public const string Scheme = "oidc";

    public bool Enabled { get; set; }
    public string Authority { get; set; } = "";
    public string ClientId { get; set; } = "";
    public string ClientSecret { get; set; } = "";

    /// <summary>The claim that carries the user's groups (Entra ID: <c>groups</c>; others often <c>roles</c>).</summary>
    public string GroupClaim { get; set; } = "groups";

    public string CallbackPath { get; set; } = "/signin-oidc";

    /// <summary>
    /// Treat the provider's e-mail as verified even without <c>email_verified</c> (Entra ID does not
    /// send it; its addresses belong to the tenant). Off by default: an unverified e-mail never links
    /// an existing local user.
    /// </summary>
    public bool TrustEmail { get; set; }
    public Dictionary<string, string> RoleMap { get; set; } = new(StringComparer.OrdinalIgnoreCase);
    public Dictionary<string, string> DepartmentMap { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The section as read, or null when single sign-on is off.</summary>
    public static OidcOptions? FromConfiguration(IConfiguration config)
    {
        var options = config.GetSection(Section).Get<OidcOptions>();
        return options is { Enabled: true } ? options : null;
    }
}
