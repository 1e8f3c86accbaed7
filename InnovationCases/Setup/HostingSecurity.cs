using System.Net;
using InnovationCases.Data;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Identity;

namespace InnovationCases.Setup;

/// <summary>
/// What the app needs to run behind the municipality's TLS proxy and on more than one instance:
/// data-protection keys in the database, forwarded headers from known proxies, secure cookies and HSTS.
/// </summary>
public static class HostingSecurity
{
    /// <summary>The data-protection application name: instances that share it (and the database) share keys.</summary>
    public const string ApplicationName = "InnovationCases";

    /// <summary>
    /// <c>Security:RequireHttps</c>: cookies only over HTTPS. Default on outside Development; the
    /// browser tests turn it off because they talk plain HTTP to Kestrel.
    /// </summary>
    public static bool RequireHttps(IConfiguration config, IHostEnvironment env) =>
        config.GetValue("Security:RequireHttps", !env.IsDevelopment());

    public static IServiceCollection AddHostingSecurity(this IServiceCollection services, IConfiguration config, IHostEnvironment env)
    {
        // Keys live with the data (backed up with it, shared by every instance on the same database),
        // so a restart or a second instance still reads the cookies and forms the first one issued.
        services.AddDataProtection()
            .SetApplicationName(ApplicationName)
            .PersistKeysToDbContext<AppDbContext>();

        services.Configure<ForwardedHeadersOptions>(o => ConfigureForwardedHeaders(o, config));

        var secure = RequireHttps(config, env) ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
        services.Configure<AntiforgeryOptions>(o => o.Cookie.SecurePolicy = secure);
        services.ConfigureApplicationCookie(o => o.Cookie.SecurePolicy = secure);
        services.ConfigureExternalCookie(o => o.Cookie.SecurePolicy = secure);
        services.AddHsts(o => o.MaxAge = TimeSpan.FromDays(365));
        return services;
    }

    /// <summary>
    /// <c>ForwardedHeaders:KnownProxies</c> (IP addresses) and <c>ForwardedHeaders:KnownNetworks</c>
    /// (CIDR ranges) name the proxies whose X-Forwarded-For and X-Forwarded-Proto are believed.
    /// Loopback is always trusted; a header from anyone else is ignored.
    /// </summary>
    public static void ConfigureForwardedHeaders(ForwardedHeadersOptions options, IConfiguration config)
    {
        options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
        var section = config.GetSection("ForwardedHeaders");
        foreach (var proxy in section.GetSection("KnownProxies").Get<string[]>() ?? [])
        {
            options.KnownProxies.Add(IPAddress.Parse(proxy));
        }

        foreach (var network in section.GetSection("KnownNetworks").Get<string[]>() ?? [])
        {
            options.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
        }

        if (section.GetValue<int?>("ForwardLimit") is { } limit)
        {
            options.ForwardLimit = limit;
        }
    }
}
