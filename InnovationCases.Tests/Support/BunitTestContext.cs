using System.Security.Claims;
using Bunit;
using InnovationCases.Domain;
using InnovationCases.Features.Account;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;

namespace InnovationCases.Tests.Support;

/// <summary>bUnit set up once the way MudBlazor's own tests do: loose JS interop, instant snackbars.</summary>
public abstract class BunitTestContext : BunitContext, IAsyncLifetime
{
    protected BunitTestContext()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices(o =>
        {
            o.SnackbarConfiguration.ShowTransitionDuration = 0;
            o.SnackbarConfiguration.HideTransitionDuration = 0;
        });
        Services.AddSingleton(TimeProvider.System);
    }

    /// <summary>Renders as the demo user <paramref name="email"/>: the same name, role, id and department claims the app's sign-in gives.</summary>
    protected Task<Actor> SignInAsync(TestApp app, string email) => SignInAsync(app.ActorAsync(email));

    private async Task<Actor> SignInAsync(Task<Actor> find)
    {
        var actor = await find;
        var auth = AddAuthorization();
        auth.SetAuthorized(actor.Name);
        auth.SetRoles(actor.Role.ToString());
        var claims = new List<Claim> { new(ClaimTypes.NameIdentifier, actor.UserId), new(ActorClaims.DisplayName, actor.Name) };
        if (actor.DepartmentId is { } d)
        {
            claims.Add(new Claim(ActorClaims.Department, d.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        auth.SetClaims([.. claims]);
        return actor;
    }

    public Task InitializeAsync() => Task.CompletedTask;

    // MudBlazor registers services that only dispose asynchronously; xunit 2 would call Dispose.
    Task IAsyncLifetime.DisposeAsync() => DisposeAsync().AsTask();
}
