using InnovationCases.Data.Postgres;

namespace InnovationCases.Data;

public static class CaseChangeRelaySetup
{
    /// <summary>
    /// How committed changes reach other app instances: on PostgreSQL (<c>Database:Provider</c> =
    /// <c>Postgres</c>) through LISTEN/NOTIFY; on SQLite there is one instance and nothing to relay.
    /// </summary>
    public static IServiceCollection AddCaseChangeRelay(this IServiceCollection services, IConfiguration config)
    {
        if (DatabaseSetup.ProviderOf(config) == DatabaseProvider.Postgres)
        {
            services.AddSingleton<PostgresChangeFeed>();
            services.AddSingleton<ICaseChangeRelay>(sp => sp.GetRequiredService<PostgresChangeFeed>());
            services.AddSingleton<PostgresChangeListener>();
            services.AddHostedService(sp => sp.GetRequiredService<PostgresChangeListener>());
        }
        else
        {
            services.AddSingleton<ICaseChangeRelay, LocalCaseChangeRelay>();
        }

        return services;
    }
}
