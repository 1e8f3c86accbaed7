using InnovationCases.Domain;
using Microsoft.AspNetCore.Components.Authorization;

namespace InnovationCases.Features.Account;

/// <summary>The signed-in user of this circuit as an <see cref="Actor"/>; what components pass to services.</summary>
public sealed class CurrentActor(AuthenticationStateProvider auth)
{
    /// <summary>The actor, or null when nobody is signed in.</summary>
    public async Task<Actor?> GetAsync()
    {
        var state = await auth.GetAuthenticationStateAsync();
        return state.User.ToActor();
    }

    /// <summary>The actor; pages behind <c>[Authorize]</c> always have one.</summary>
    public async Task<Actor> RequireAsync() =>
        await GetAsync() ?? throw new InvalidOperationException("No signed-in user.");
}
