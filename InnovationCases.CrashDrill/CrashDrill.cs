using InnovationCases.Data;
using InnovationCases.Domain;
using InnovationCases.Domain.Workflow;
using InnovationCases.Features.Moves;
using InnovationCases.Setup;
using Microsoft.EntityFrameworkCore;

namespace InnovationCases.CrashDrill;

/// <summary>
/// <c>dotnet InnovationCases.CrashDrill.dll &lt;writers&gt;</c> with the app's configuration
/// (<c>ConnectionStrings__Cases</c>, <c>DemoData__Enabled</c>): opens the database as the app does
/// (migrations, demo data), then each writer sends one screened demo case back and screens it again,
/// over and over, through <see cref="CaseWorkflowService"/>. It prints <c>start &lt;case&gt; &lt;version&gt; &lt;moves&gt;</c>
/// per case before the burst and <c>moved &lt;case&gt; &lt;version&gt;</c> after each acknowledged move, and runs until killed.
/// With 0 writers it only opens the database (the restart after the crash) and exits.
/// </summary>
public static class CrashDrill
{
    public static async Task<int> Main(string[] args)
    {
        var writers = int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture);
        var builder = WebApplication.CreateBuilder([]);
        builder.Logging.ClearProviders();
        builder.AddInnovationCases();
        await using var app = builder.Build();
        await app.Services.InitializeDatabaseAsync();
        if (writers == 0)
        {
            Console.WriteLine("ready");
            return 0;
        }

        var factory = app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>();
        var workflow = app.Services.GetRequiredService<CaseWorkflowService>();
        Actor caseworker;
        List<(int Id, string Number, int Version)> cases;
        await using (var db = await factory.CreateDbContextAsync())
        {
            caseworker = (await db.Users.SingleAsync(u => u.Email == "sagsbehandler@aarhus.example")).ToActor();
            cases = (await db.Cases.Where(c => c.Stage == Stage.Screened).OrderBy(c => c.Id).Take(writers)
                .Select(c => new { c.Id, c.CaseNumber, c.Version }).ToListAsync()).Select(c => (c.Id, c.CaseNumber, c.Version)).ToList();
            foreach (var (id, number, version) in cases)
            {
                var moves = await db.CaseEvents.CountAsync(e => e.CaseId == id && e.Kind == CaseEventKind.Moved);
                Console.WriteLine($"start {number} {version} {moves}");
            }
        }

        await Task.WhenAll(cases.Select(c => Task.Run(async () =>
        {
            var version = c.Version;
            for (var m = 0; ; m++)
            {
                MoveData data = m % 2 == 0 ? new SendBackData("Igen.") : new ScreenData();
                var result = await workflow.FireAsync(c.Number, data, caseworker, version);
                if (result is not MoveResult.Moved moved)
                {
                    Console.WriteLine($"refused {c.Number} {result}");
                    return;
                }

                version = moved.Version;
                Console.WriteLine($"moved {c.Number} {version}");
            }
        })));
        return 1;
    }
}
