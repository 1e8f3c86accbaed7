using System.Security.Claims;
using InnovationCases.Data;
using InnovationCases.Domain;
using InnovationCases.Features.Account;
using InnovationCases.Features.Board;
using InnovationCases.Features.Cases;
using InnovationCases.Features.Drafts;
using InnovationCases.Features.Moves;
using InnovationCases.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace InnovationCases.Tests.Features.Board;

/// <summary>bUnit with the board's real services over a demo database, signed in as a demo user.</summary>
public abstract class BoardBunitContext : BunitTestContext
{
    protected BoardBunitContext(BoardAppFixture fixture)
    {
        App = fixture.App;
        var app = App.AppServices;
        Services.AddSingleton(app.GetRequiredService<IDbContextFactory<AppDbContext>>());
        Services.AddSingleton(app.GetRequiredService<BoardService>());
        Services.AddSingleton(app.GetRequiredService<BoardFeed>());
        Services.AddSingleton(app.GetRequiredService<CaseWorkflowService>());
        Services.AddSingleton(app.GetRequiredService<TextDraftService>());
        Services.AddSingleton<IOptions<AutosaveOptions>>(_ => Options.Create(new AutosaveOptions()));
        Services.AddSingleton<IOptions<BoardOptions>>(_ => Options.Create(Settings));
        Services.AddSingleton(app.GetRequiredService<IOptions<InnovationCases.Domain.Delivery.DeliveryOptions>>());
        Services.AddSingleton(app.GetRequiredService<InnovationCases.Features.Delivery.DeliveryReader>());
        Services.AddScoped<CurrentActor>();
        Services.AddScoped<MoveRunner>();
    }

    protected TestApp App { get; }

    /// <summary>The board's settings; change them before the first render.</summary>
    protected BoardOptions Settings { get; } = new();

    protected async Task<Actor> SignInAsync(string email)
    {
        var actor = await SignInAsync(App, email);

        // The board asks whether it renders interactively (a prerender hands its snapshot on). Set
        // after sign-in: the renderer, once made, takes no more services.
        Renderer.SetRendererInfo(new Microsoft.AspNetCore.Components.RendererInfo("Server", isInteractive: true));
        return actor;
    }
}
