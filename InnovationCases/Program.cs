using InnovationCases.Setup;

var builder = WebApplication.CreateBuilder(args);
builder.AddInnovationCases();

var app = builder.Build();
await app.MapInnovationCasesAsync();
app.Run();

/// <summary>The entry point, visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
