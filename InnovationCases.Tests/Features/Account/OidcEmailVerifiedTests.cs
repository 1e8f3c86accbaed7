using System.Security.Claims;
using InnovationCases.Data;
using InnovationCases.Domain;
using InnovationCases.Features.Account.Oidc;
using InnovationCases.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace InnovationCases.Tests.Features.Account;

/// <summary>Only an e-mail the provider has verified may link a provider account to an existing local user.</summary>
public sealed class OidcEmailVerifiedTests : IClassFixture<AccountAppFixture>
{
    private readonly TestApp _app;

    public OidcEmailVerifiedTests(AccountAppFixture fixture) => _app = fixture.App;

    [Theory]
    [InlineData("true", false, true)]
    [InlineData("True", false, true)]
    [InlineData("false", false, false)]
    [InlineData(null, false, false)]
    [InlineData(null, true, true)]
    public void The_mapper_reads_email_verified_unless_the_provider_is_trusted(string? claim, bool trust, bool verified)
    {
        var options = new OidcOptions { Enabled = true, TrustEmail = trust, RoleMap = new() { ["g"] = "Manager" } };
        List<Claim> claims = [new("sub", "s"), new("email", "a@aarhus.example"), new("groups", "g")];
        if (claim is not null)
        {
            claims.Add(new Claim("email_verified", claim, ClaimValueTypes.Boolean));
        }

        Assert.Equal(verified, OidcClaimMapper.Map(claims, options).EmailVerified);
    }

    [Fact]
    public async Task An_unverified_email_does_not_link_an_existing_local_user()
    {
        var refusal = await RefusalAsync(new OidcMapping("sub-unverified", DemoUsers.Caseworker, "Ukendt", Role.Admin, null, null, EmailVerified: false));

        Assert.Equal(OidcRefusal.UnverifiedEmail, refusal);
        Assert.False(string.IsNullOrWhiteSpace(OidcRefusal.UnverifiedEmail.Message()));
        Assert.NotEqual(InnovationCases.Resources.AdminText.Oidc_Failed, OidcRefusal.UnverifiedEmail.Message());
    }

    [Fact]
    public async Task A_verified_email_links_and_an_unverified_new_email_creates_a_new_user()
    {
        Assert.Null(await RefusalAsync(new OidcMapping("sub-verified", DemoUsers.Caseworker, "Helle", Role.Caseworker, null, null, EmailVerified: true)));
        Assert.Null(await RefusalAsync(new OidcMapping("sub-new", "helt.ny@aarhus.example", "Ny", Role.Manager, null, null, EmailVerified: false)));
    }

    private async Task<OidcRefusal?> RefusalAsync(OidcMapping mapping)
    {
        await using var scope = _app.AppServices.CreateAsyncScope();
        return await OidcEmailLink.RefusalAsync(scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>(), mapping);
    }
}
