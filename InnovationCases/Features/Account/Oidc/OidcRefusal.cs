using System.Globalization;
using InnovationCases.Resources;

namespace InnovationCases.Features.Account.Oidc;

/// <summary>Why a single sign-on gives no access. Travels to the login page as its name, never as free text.</summary>
public enum OidcRefusal
{
    Failed,
    MissingIdentity,
    NoRole,
    SeveralDepartments,
    NoDepartment,
    UnknownDepartment,
    Deactivated,
    OtherLogin,
    UnverifiedEmail,
}

public static class OidcRefusalExtensions
{
    /// <summary>The Danish message for the login page.</summary>
    public static string Message(this OidcRefusal refusal) =>
        AdminText.ResourceManager.GetString("Oidc_" + refusal, CultureInfo.CurrentUICulture) ?? AdminText.Oidc_Failed;
}
