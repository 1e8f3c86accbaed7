using System.Net;
using System.Threading.RateLimiting;
using InnovationCases.Resources;
using Microsoft.AspNetCore.RateLimiting;

namespace InnovationCases.Features.Account.SignIn;

/// <summary>
/// ASP.NET Core's rate limiter on the sign-in post, per client IP and per typed e-mail (configuration
/// section <c>SignIn:RateLimit</c>). The per-account limit slows a guesser spread over many addresses;
/// the per-IP limit slows one address trying many accounts. Other requests are never limited.
/// </summary>
public static class SignInRateLimits
{
    public const string Section = "SignIn:RateLimit";
    private const string LoginPath = "/login";

    public static IServiceCollection AddSignInProtection(this IServiceCollection services, IConfiguration config)
    {
        services.AddSingleton<SignInAudit>();
        services.AddScoped<SignInService>();

        var section = config.GetSection(Section);
        var perIp = section.GetValue("PerIp", 20);
        var perAccount = section.GetValue("PerAccount", 5);
        var window = section.GetValue("Window", TimeSpan.FromMinutes(1));

        services.AddRateLimiter(o =>
        {
            o.GlobalLimiter = PartitionedRateLimiter.CreateChained(
                PartitionedRateLimiter.Create<HttpContext, string>(context => IsSignInPost(context)
                    ? RateLimitPartition.GetFixedWindowLimiter("ip:" + context.Connection.RemoteIpAddress, _ => Window(perIp, window))
                    : RateLimitPartition.GetNoLimiter("")),
                PartitionedRateLimiter.Create<HttpContext, string>(context => IsSignInPost(context)
                    ? RateLimitPartition.GetFixedWindowLimiter("account:" + TypedEmail(context), _ => Window(perAccount, window))
                    : RateLimitPartition.GetNoLimiter("")));
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = (rejected, ct) => WriteRefusalAsync(rejected.HttpContext, window, ct);
        });
        return services;
    }

    /// <summary>Reads the sign-in form first (asynchronously), so the per-account partition can see the e-mail.</summary>
    public static IApplicationBuilder UseSignInRateLimits(this IApplicationBuilder app) =>
        app.UseWhen(IsSignInPost, branch => branch
            .Use(async (context, next) =>
            {
                await context.Request.ReadFormAsync(context.RequestAborted);
                await next(context);
            })
            .UseRateLimiter());

    private static bool IsSignInPost(HttpContext context) =>
        HttpMethods.IsPost(context.Request.Method)
        && context.Request.Path.Equals(LoginPath, StringComparison.OrdinalIgnoreCase)
        && context.Request.HasFormContentType;

    private static string TypedEmail(HttpContext context) =>
        context.Request.HasFormContentType && context.Request.Form.TryGetValue("Input.Email", out var email)
            ? email.ToString().Trim().ToLowerInvariant()
            : "";

    private static FixedWindowRateLimiterOptions Window(int permits, TimeSpan window) => new()
    {
        PermitLimit = permits,
        Window = window,
        QueueLimit = 0,
        AutoReplenishment = true,
    };

    /// <summary>A plain Danish page (the limiter answers before the app renders anything).</summary>
    private static async ValueTask WriteRefusalAsync(HttpContext context, TimeSpan window, CancellationToken ct)
    {
        context.Response.Headers.RetryAfter = ((int)Math.Ceiling(window.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        context.Response.ContentType = "text/html; charset=utf-8";
        await context.Response.WriteAsync(
            $"<!DOCTYPE html><html lang=\"da\"><head><meta charset=\"utf-8\"><title>{WebUtility.HtmlEncode(AppText.AppName)}</title></head>"
            + $"<body><p role=\"alert\">{WebUtility.HtmlEncode(AppText.Login_Throttled)}</p>"
            + $"<p><a href=\"{LoginPath}\">{WebUtility.HtmlEncode(AppText.Login_BackToLogin)}</a></p></body></html>", ct);
    }
}
