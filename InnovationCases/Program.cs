using InnovationCases.Features.Admin;
using InnovationCases.Setup;

var builder = WebApplication.CreateBuilder(args);
builder.AddInnovationCases();

var app = builder.Build();

// One-off command instead of the web app: dotnet run --project InnovationCases -- create-admin <email> <name>
if (CreateAdminCommand.Matches(args))
{
    return await CreateAdminCommand.RunAsync(app.Services, args, Console.In, Console.Out, interactive: !Console.IsInputRedirected);
}

await app.MapInnovationCasesAsync();
app.Run();
return 0;

/// <summary>The entry point, visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
