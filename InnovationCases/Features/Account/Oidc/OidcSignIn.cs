using InnovationCases.Data;
using InnovationCases.Features.Admin;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Identity;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace InnovationCases.Features.Account.Oidc;

/// <summary>
/// Single sign-on, switched on by the <c>Oidc</c> configuration section. The provider's sign-in
/// lands in Identity's external cookie; the callback maps its groups to role and department, links
/// or creates the local user (so every actor has a user id and the audit trail a name) and signs in
/// with the app's own cookie, exactly like a password sign-in.
/// </summary>
public static class OidcSignIn
{
    public const string LoginPath = "/account/oidc/login";
    public const string CallbackPath = "/account/oidc/callback";

    public static IServiceCollection AddOidcSignIn(this IServiceCollection services, IConfiguration config)
    {
        if (OidcOptions.FromConfiguration(config) is not { } options)
        {
            return services;
        }

        services.AddSingleton(options);
        services.AddAuthentication().AddOpenIdConnect(OidcOptions.Scheme, Resources.AdminText.Oidc_Provider, o =>
        {
            o.SignInScheme = IdentityConstants.ExternalScheme;
            o.Authority = options.Authority;
            o.ClientId = options.ClientId;
            o.ClientSecret = options.ClientSecret;
            o.CallbackPath = options.CallbackPath;
            o.ResponseType = OpenIdConnectResponseType.Code;
            o.UsePkce = true;
            o.MapInboundClaims = false;
            o.GetClaimsFromUserInfoEndpoint = true;
            o.SaveTokens = false;
            o.Scope.Clear();
            o.Scope.Add("openid");
            o.Scope.Add("profile");
            o.Scope.Add("email");
            // Groups usually come in the ID token; if the provider sends them from user info instead, take them from there.
            o.ClaimActions.MapUniqueJsonKey(options.GroupClaim, options.GroupClaim);
        });
        return services;
    }

    public static IEndpointRouteBuilder MapOidcSignIn(this IEndpointRouteBuilder app)
    {
        if (app.ServiceProvider.GetService<OidcOptions>() is null)
        {
            return app;
        }

        app.MapGet(LoginPath, (string? returnUrl) =>
            TypedResults.Challenge(
                new AuthenticationProperties { RedirectUri = CallbackPath + "?returnUrl=" + Uri.EscapeDataString(SafeReturnUrl(returnUrl)) },
                [OidcOptions.Scheme]))
            .AllowAnonymous();

        app.MapGet(CallbackPath, async (HttpContext http, string? returnUrl, OidcOptions options, ExternalUserLinker linker, SignInManager<AppUser> signIn) =>
        {
            var external = await http.AuthenticateAsync(IdentityConstants.ExternalScheme);
            await http.SignOutAsync(IdentityConstants.ExternalScheme);
            if (!external.Succeeded)
            {
                return Refuse(OidcRefusal.Failed);
            }

            var mapping = OidcClaimMapper.Map(external.Principal.Claims, options);
            if (await OidcEmailLink.RefusalAsync(signIn.UserManager, mapping) is { } unverified)
            {
                return Refuse(unverified);
            }

            var (user, refusal) = await linker.ProvisionAsync(mapping, http.RequestAborted);
            if (user is null || !await signIn.CanSignInAsync(user))
            {
                return Refuse(refusal ?? OidcRefusal.Deactivated);
            }

            await signIn.SignInAsync(user, isPersistent: false, authenticationMethod: OidcOptions.Scheme);
            return Results.LocalRedirect(SafeReturnUrl(returnUrl));
        }).AllowAnonymous();

        return app;
    }

    /// <summary>Back to the login page, which shows the reason's fixed Danish message (never text from the query).</summary>
    private static IResult Refuse(OidcRefusal refusal) => Results.LocalRedirect("/login?sso=" + refusal);

    /// <summary>Only local paths: an open redirect would let a link send a fresh sign-in elsewhere.</summary>
    public static string SafeReturnUrl(string? url) =>
        url is { Length: > 0 } && url.StartsWith('/') && !url.StartsWith("//") && !url.StartsWith("/\\") ? url : "/";
}
