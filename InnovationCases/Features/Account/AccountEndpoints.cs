using InnovationCases.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace InnovationCases.Features.Account;

public static class AccountEndpoints
{
    /// <summary>Sign-out is a POST with an antiforgery token (the [FromForm] binding makes the framework validate it).</summary>
    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/account/logout", async (SignInManager<AppUser> signIn, [FromForm] string? returnUrl) =>
        {
            await signIn.SignOutAsync();
            return TypedResults.LocalRedirect("/login");
        });
        return app;
    }
}
