using InnovationCases.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace InnovationCases.Features.Account;

public static class AccountEndpoints
{
    /// <summary>Sign-out is a POST that renews the user's security stamp, with an antiforgery token (the [FromForm] binding makes the framework validate it).</summary>
    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/account/logout", async (HttpContext http, SignInManager<AppUser> signIn, [FromForm] string? returnUrl) =>
        {
            // A new security stamp makes any copy of the old cookie worthless at its next validation.
            if (await signIn.UserManager.GetUserAsync(http.User) is { } user)
            {
                await signIn.UserManager.UpdateSecurityStampAsync(user);
            }

            await signIn.SignOutAsync();
            return TypedResults.LocalRedirect("/login");
        });
        return app;
    }
}
