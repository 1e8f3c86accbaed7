using System.Net;
using InnovationCases.Resources;
using InnovationCases.Tests.Support;

namespace InnovationCases.Tests.Features.Account.SignIn;

/// <summary>The rate limiter on the sign-in post: per account and per client address, with a Danish answer.</summary>
public sealed class SignInRateLimitTests : IDisposable
{
    private readonly TestApp _app = new(demoData: true);

    public SignInRateLimitTests()
    {
        // A window far longer than the test, so no permit comes back while it runs.
        _app.Settings["SignIn:RateLimit:PerAccount"] = "3";
        // A try refused for its account still uses the address's permits (twice: the middleware asks
        // once without waiting, then once through the empty queue): 3 + 2, and the admin's is the 6th.
        _app.Settings["SignIn:RateLimit:PerIp"] = "6";
        _app.Settings["SignIn:RateLimit:Window"] = "01:00:00";
    }

    [Fact]
    public async Task Guessing_one_account_is_refused_after_its_limit_and_then_the_address_after_its_own()
    {
        using var client = LoginForm.Client(_app);

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            statuses.Add((await LoginForm.PostAsync(client, DemoUsers.Mso, "Forkert-kode-" + i)).StatusCode);
        }

        // The fourth try at the same account is refused; another account from the same address is not, until the address's limit.
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
        Assert.Equal(HttpStatusCode.Redirect, (await LoginForm.PostAsync(client, DemoUsers.Admin, DemoUsers.Password)).StatusCode);
        var refused = await LoginForm.PostAsync(client, DemoUsers.Mbu, DemoUsers.Password);

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Contains(AppText.Login_Throttled, WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()));
        Assert.NotNull(refused.Headers.RetryAfter);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/login")).StatusCode);
    }

    public void Dispose() => _app.Dispose();
}
