namespace InnovationCases.Features.Notifications;

public static class NotificationsSetup
{
    /// <summary>The outbox planner and fan-out, the dispatcher and the daily scheduler (<c>Mail:*</c>, <c>Notifications:*</c>, <c>App:PublicBaseUrl</c>).</summary>
    public static WebApplicationBuilder AddNotifications(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.Configure<MailOptions>(builder.Configuration.GetSection(MailOptions.Section));
        services.Configure<NotificationOptions>(builder.Configuration.GetSection(NotificationOptions.Section));
        services.PostConfigure<NotificationOptions>(o =>
        {
            if (builder.Configuration["App:PublicBaseUrl"] is { Length: > 0 } url)
            {
                o.PublicBaseUrl = url;
            }
        });
        services.AddSingleton<NotificationPlanner>();
        services.AddSingleton<NotificationFanOut>();
        services.AddSingleton<MailSender>();
        services.AddSingleton<OutboxDispatcher>();
        services.AddSingleton<NotificationScheduler>();
        services.AddSingleton<NotificationSettingsService>();
        services.AddSingleton<NotificationInbox>();
        services.AddScoped<MailAdminService>();
        services.AddHostedService<NotificationFanOutJob>();
        services.AddHostedService<OutboxDispatcherJob>();
        services.AddHostedService<NotificationSchedulerJob>();
        return builder;
    }
}
