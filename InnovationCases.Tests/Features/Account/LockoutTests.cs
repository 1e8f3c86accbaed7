using InnovationCases.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace InnovationCases.Tests.Features.Account;

/// <summary>HTTP level: the real login form locks an account after repeated wrong passwords.</summary>
public sealed class LockoutTests : IDisposable
{
    private readonly TestApp _app = new(demoData: true);

    [Fact]
    public async Task Six_wrong_passwords_lock_the_account_and_then_even_the_right_one_is_refused()
    {
        using var client = LoginForm.Client(_app);

        string last = "";
        for (var i = 0; i < 6; i++)
        {
            var response = await LoginForm.PostAsync(client, DemoUsers.Mso, "Forkert-kode-" + i);
            last = System.Net.WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        }

        Assert.Contains("Kontoen er låst", last);
        await using (var db = await _app.DbAsync())
        {
            var user = await db.Users.SingleAsync(u => u.Email == DemoUsers.Mso);
            Assert.True(user.LockoutEnd > DateTimeOffset.UtcNow.AddMinutes(10), "Locked out for about 15 minutes.");
        }

        var right = await LoginForm.PostAsync(client, DemoUsers.Mso, DemoUsers.Password);
        Assert.Contains("Kontoen er låst", System.Net.WebUtility.HtmlDecode(await right.Content.ReadAsStringAsync()));
        Assert.DoesNotContain(right.Headers, h => h.Key == "Set-Cookie" && h.Value.Any(v => v.StartsWith("InnovationCases.Auth=", StringComparison.Ordinal)));
    }

    public void Dispose() => _app.Dispose();
}
