using InnovationCases.Tests.Support;

namespace InnovationCases.Tests.Features.Cases;

/// <summary>
/// bUnit tests that render MudBlazor popovers (selects): some MudBlazor services are only
/// asynchronously disposable, so the context is disposed asynchronously before xUnit's Dispose.
/// </summary>
public abstract class AsyncBunitTests : BunitTestContext, IAsyncLifetime
{
    Task IAsyncLifetime.InitializeAsync() => Task.CompletedTask;

    Task IAsyncLifetime.DisposeAsync() => DisposeAsync().AsTask();
}
