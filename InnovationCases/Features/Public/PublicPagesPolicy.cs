using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace InnovationCases.Features.Public;

/// <summary>
/// The output-cache policy of the public pages and files. They are the same for everyone, so a
/// request is cached whoever sends it. Blazor's static rendering hands every visitor an antiforgery
/// cookie; these pages have no forms, so that cookie is dropped here rather than stored and handed
/// to the next visitor (the sign-in page issues its own). Any other cookie (a refreshed sign-in)
/// keeps the response out of the cache.
/// </summary>
internal sealed class PublicPagesPolicy : IOutputCachePolicy
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);

    public ValueTask CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var http = context.HttpContext;
        var get = HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method);
        context.EnableOutputCaching = true;
        context.AllowCacheLookup = get;
        context.AllowCacheStorage = get;
        context.AllowLocking = true;
        context.ResponseExpirationTimeSpan = Lifetime;
        context.Tags.Add(PublicCache.Tag);
        // Before the headers go out (Blazor starts the response before it writes): drop the antiforgery cookie.
        http.Response.OnStarting(() =>
        {
            DropAntiforgeryCookie(http);
            return Task.CompletedTask;
        });
        return ValueTask.CompletedTask;
    }

    public ValueTask ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;

    public ValueTask ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var response = context.HttpContext.Response;
        if (response.StatusCode != StatusCodes.Status200OK || response.Headers.SetCookie.Count > 0)
        {
            context.AllowCacheStorage = false;
        }

        return ValueTask.CompletedTask;
    }

    private static void DropAntiforgeryCookie(HttpContext http)
    {
        var response = http.Response;
        var antiforgery = http.RequestServices.GetRequiredService<IOptions<AntiforgeryOptions>>().Value.Cookie.Name ?? AntiforgeryOptions.DefaultCookiePrefix;
        var all = response.Headers.SetCookie;
        var kept = all.Where(c => c is not null && !c.StartsWith(antiforgery, StringComparison.Ordinal)).ToArray();
        if (kept.Length == all.Count)
        {
            return;
        }

        response.Headers.SetCookie = kept;
        if (kept.Length == 0)
        {
            // Antiforgery marked the page no-store for its cookie's sake; without the cookie it is a public page again.
            response.Headers.CacheControl = "no-cache";
            response.Headers.Remove(HeaderNames.Pragma);
        }
    }
}
