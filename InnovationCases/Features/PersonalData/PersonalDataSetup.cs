namespace InnovationCases.Features.PersonalData;

public static class PersonalDataSetup
{
    /// <summary>The export/erasure service and the retention job (<c>PersonalData:RetentionYears</c>).</summary>
    public static WebApplicationBuilder AddPersonalData(this WebApplicationBuilder builder)
    {
        builder.Services.Configure<PersonalDataOptions>(builder.Configuration.GetSection(PersonalDataOptions.Section));
        builder.Services.AddSingleton<PersonalDataService>();
        builder.Services.AddSingleton<PersonalDataRetention>();
        builder.Services.AddHostedService<PersonalDataRetentionJob>();
        return builder;
    }
}
