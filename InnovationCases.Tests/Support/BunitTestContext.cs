using Bunit;
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

    public Task InitializeAsync() => Task.CompletedTask;

    // MudBlazor registers services that only dispose asynchronously; xunit 2 would call Dispose.
    Task IAsyncLifetime.DisposeAsync() => DisposeAsync().AsTask();
}
