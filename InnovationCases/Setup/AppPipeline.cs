using System.Text.Json;
using InnovationCases.Components;
using InnovationCases.Data;
using InnovationCases.Features.Account;
using InnovationCases.Features.Reports;
using InnovationCases.Features.Account.Oidc;
using InnovationCases.Features.Account.SignIn;
using InnovationCases.Features.Admin;
using InnovationCases.Features.PersonalData;
using InnovationCases.Features.Public;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace InnovationCases.Setup;

public static class AppPipeline
{
    public static async Task<WebApplication> MapInnovationCasesAsync(this WebApplication app)
    {
        // Held while the app runs, so that restore refuses to replace the file under it.
        app.Services.GetRequiredService<RunningAppLock>().Acquire();
        await app.Services.InitializeDatabaseAsync();
        await app.Services.BootstrapAdminAsync();

        // First: the client's address and scheme as the municipality's TLS proxy saw them.
        app.UseForwardedHeaders();
        app.UseSecurityHeaders(app.Services.GetService<OidcOptions>()?.Authority);
        app.UseHeadAsGet();

        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/Error", createScopeForErrors: true);
            app.UseHttpsRedirection();
        }

        if (app.Environment.IsProduction())
        {
            app.UseHsts();
        }

        // Friendly pages for GET only: re-executing a refused POST (e.g. a missing antiforgery token)
        // would read its form again and turn a clean 400 into an exception.
        app.UseWhen(
            context => HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method),
            branch => branch.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true));
        app.UseRequestLocalization("da-DK");
        // Routing after the HEAD rewrite, so a HEAD finds the GET endpoint.
        app.UseRouting();
        app.UseSignInRateLimits();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();
        // After authentication: the default policy never caches a signed-in request.
        app.UseOutputCache();

        // The static files as `dotnet publish` lists them beside the app (fingerprinted, compressed,
        // cached immutable); a host that runs the app's code from elsewhere (the benchmarks) names
        // the published manifest in StaticAssets:Manifest.
        var assets = app.Configuration["StaticAssets:Manifest"];
        app.MapStaticAssets(assets);
        app.MapHealthChecks("/health", new HealthCheckOptions { ResponseWriter = WriteHealthAsync }).AllowAnonymous();
        app.MapAccountEndpoints();
        app.MapReportExports();
        app.MapPersonalDataExport();
        app.MapOidcSignIn();
        app.MapPublicFiles();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode().WithStaticAssets(assets);
        return app;
    }

    private static Task WriteHealthAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        return context.Response.WriteAsync(JsonSerializer.Serialize(new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(e => e.Key, e => e.Value.Status.ToString()),
        }));
    }
}
