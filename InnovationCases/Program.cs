using InnovationCases.Data;
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

// dotnet run --project InnovationCases -- backup <file> | restore <file> (docs/OPERATIONS.md)
if (DatabaseCommand.Matches(args))
{
    return await DatabaseCommand.RunAsync(app.Services, args, Console.Out);
}

await app.MapInnovationCasesAsync();
app.Run();
return 0;

/// <summary>The entry point, visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
