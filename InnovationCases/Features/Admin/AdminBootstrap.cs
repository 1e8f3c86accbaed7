using InnovationCases.Data;
using Microsoft.EntityFrameworkCore;

namespace InnovationCases.Features.Admin;

/// <summary>
/// Production starts with no users. The first administrator comes from configuration
/// (<c>Bootstrap:AdminEmail</c>, <c>Bootstrap:AdminPassword</c>, optional <c>Bootstrap:AdminName</c>),
/// applied at startup only while no active administrator exists, or from the create-admin command.
/// </summary>
public static class AdminBootstrap
{
    public const string Section = "Bootstrap";
    public const string Source = "Opsætning (konfiguration)";

    public static async Task BootstrapAdminAsync(this IServiceProvider services, CancellationToken ct = default)
    {
        var config = services.GetRequiredService<IConfiguration>();
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(AdminBootstrap));
        var email = config[$"{Section}:AdminEmail"];
        var password = config[$"{Section}:AdminPassword"];
        if (string.IsNullOrWhiteSpace(email))
        {
            await WarnWhenNoAdminAsync(services, logger, ct);
            return;
        }

        if (string.IsNullOrEmpty(password))
        {
            logger.LogWarning("Bootstrap:AdminEmail is set but Bootstrap:AdminPassword is not; no administrator was created.");
            return;
        }

        await using var scope = services.CreateAsyncScope();
        var admin = scope.ServiceProvider.GetRequiredService<UserAdmin>();
        var name = config[$"{Section}:AdminName"] is { Length: > 0 } n ? n : "Administrator";
        var result = await admin.CreateAdminAsync(email, name, password, Source, onlyIfNoAdmin: true, ct);
        if (result.Succeeded)
        {
            logger.LogWarning("Created the first administrator {Email} from configuration. Remove Bootstrap:AdminPassword from the configuration now.", email);
        }
        else if (!result.Errors.Contains(Resources.AdminText.Bootstrap_AdminExists))
        {
            logger.LogError("Could not create the administrator {Email} from configuration: {Errors}", email, string.Join(" ", result.Errors));
        }
    }

    private static async Task WarnWhenNoAdminAsync(IServiceProvider services, ILogger logger, CancellationToken ct)
    {
        await using var db = await services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync(ct);
        if (!await db.Users.AnyAsync(u => u.Role == Domain.Role.Admin && u.IsActive, ct))
        {
            logger.LogWarning("No active administrator exists. Create one with 'create-admin <email> <name>' or the Bootstrap:AdminEmail/AdminPassword settings (docs/SECURITY.md).");
        }
    }
}
