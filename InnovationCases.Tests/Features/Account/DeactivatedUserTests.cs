using System.Net;
using System.Security.Claims;
using InnovationCases.Data;
using InnovationCases.Features.Account;
using InnovationCases.Features.Admin;
using InnovationCases.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace InnovationCases.Tests.Features.Account;

/// <summary>A deactivated user is kept, but cannot sign in, and an existing session stops being valid.</summary>
public sealed class DeactivatedUserTests : IDisposable
{
    private readonly TestApp _app = new(demoData: true);

    [Fact]
    public async Task A_deactivated_user_cannot_sign_in()
    {
        await DeactivateAsync(DemoUsers.Mso);

        await using var scope = _app.AppServices.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var signIn = scope.ServiceProvider.GetRequiredService<SignInManager<AppUser>>();
        var user = (await users.FindByEmailAsync(DemoUsers.Mso))!;
        var result = await signIn.CheckPasswordSignInAsync(user, DemoUsers.Password, lockoutOnFailure: true);

        Assert.True(result.IsNotAllowed);
        Assert.False(result.Succeeded);
    }

    [Fact]
    public async Task The_login_form_refuses_a_deactivated_user_with_the_one_danish_failure_message()
    {
        await DeactivateAsync(DemoUsers.Mso);
        using var client = LoginForm.Client(_app);

        var response = await LoginForm.PostAsync(client, DemoUsers.Mso, DemoUsers.Password);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(InnovationCases.Resources.AppText.Login_Failed, WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/")).StatusCode);
    }

    [Fact]
    public async Task Deactivation_invalidates_an_open_session_at_revalidation()
    {
        await using var scope = _app.AppServices.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var factory = scope.ServiceProvider.GetRequiredService<IUserClaimsPrincipalFactory<AppUser>>();
        var options = scope.ServiceProvider.GetRequiredService<IOptions<IdentityOptions>>().Value;
        ClaimsPrincipal session = await factory.CreateAsync((await users.FindByEmailAsync(DemoUsers.Mso))!);
        Assert.True(await RevalidatingAuthStateProvider.IsValidAsync(users, session, options));

        await DeactivateAsync(DemoUsers.Mso);

        await using var later = _app.AppServices.CreateAsyncScope();
        var freshUsers = later.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        Assert.False(await RevalidatingAuthStateProvider.IsValidAsync(freshUsers, session, options));
    }

    private async Task DeactivateAsync(string email)
    {
        await using var scope = _app.AppServices.CreateAsyncScope();
        var admin = scope.ServiceProvider.GetRequiredService<UserAdmin>();
        var actor = await _app.ActorAsync(DemoUsers.Admin);
        await using var db = await _app.DbAsync();
        var id = await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
        var result = await admin.SetActiveAsync(actor, id, active: false);
        Assert.True(result.Succeeded, string.Join(" ", result.Errors));
    }

    public void Dispose() => _app.Dispose();
}
