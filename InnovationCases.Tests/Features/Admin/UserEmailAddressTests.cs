using InnovationCases.Features.Admin;
using InnovationCases.Tests.Features.Account;
using InnovationCases.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace InnovationCases.Tests.Features.Admin;

/// <summary>A user's e-mail is where notifications go: the admin cannot store one the mail server could not take.</summary>
public sealed class UserEmailAddressTests(AccountAppFixture fixture) : IClassFixture<AccountAppFixture>
{
    [Theory]
    [InlineData("uden-snabel-a.aarhus.example")]
    [InlineData("to ord@aarhus.example")]
    [InlineData("Navn <navn@aarhus.example>")]
    [InlineData("linje\r\nbcc@aarhus.example")]
    public async Task An_invalid_address_is_refused_with_a_danish_message_and_nothing_is_stored(string email)
    {
        await using var scope = fixture.App.AppServices.CreateAsyncScope();
        var admin = scope.ServiceProvider.GetRequiredService<UserAdmin>();

        var result = await admin.CreateUserAsync(await fixture.App.ActorAsync(DemoUsers.Admin), UserAdminTests.NewUser(email));

        Assert.False(result.Succeeded);
        Assert.Contains("E-mailadressen er ikke gyldig.", result.Errors);
    }
}
