namespace InnovationCases.Setup;

/// <summary>
/// Security headers on every response. The Content-Security-Policy is what Blazor Server and
/// MudBlazor need and no more: scripts only from this origin (App.razor has no inline scripts and
/// no import map), inline styles for MudBlazor's style attributes, the circuit's WebSocket to this
/// origin only (browsers count ws/wss to the page's own host as 'self'), data: images, and no framing. When single sign-on is on, the login form may post on to the provider.
/// </summary>
public static class SecurityHeaders
{
    public static string ContentSecurityPolicy(string? oidcAuthority = null)
    {
        var formAction = "'self'";
        if (Uri.TryCreate(oidcAuthority, UriKind.Absolute, out var authority))
        {
            formAction += " " + authority.GetLeftPart(UriPartial.Authority);
        }

        return string.Join("; ",
            "default-src 'self'",
            "script-src 'self'",
            "style-src 'self' 'unsafe-inline'",
            "img-src 'self' data:",
            "font-src 'self' data:",
            "connect-src 'self'",
            "object-src 'none'",
            "frame-ancestors 'none'",
            "base-uri 'self'",
            "form-action " + formAction);
    }

    /// <summary>Adds the headers when the response starts, so error pages and static files get them too.</summary>
    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app, string? oidcAuthority)
    {
        var csp = ContentSecurityPolicy(oidcAuthority);
        return app.Use((context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                headers.ContentSecurityPolicy = csp;
                headers.XContentTypeOptions = "nosniff";
                headers.XFrameOptions = "DENY";
                headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
                headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), payment=()";
                return Task.CompletedTask;
            });
            return next(context);
        });
    }
}
