using InnovationCases.Resources;
using InnovationCases.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace InnovationCases.Tests.Features.Account;

/// <summary>
/// HTTP level: the real login form locks an account after ten wrong passwords, briefly (a stranger
/// who guesses must not keep a real user out for long), and says nothing a wrong password does not.
/// </summary>
public sealed class LockoutTests : IDisposable
{
    private readonly TestApp _app = new(demoData: true);

    [Fact]
    public async Task Ten_wrong_passwords_lock_the_account_for_five_minutes_with_the_same_message_as_any_failure()
    {
        using var client = LoginForm.Client(_app);

        string last = "";
        for (var i = 0; i < 10; i++)
        {
            var response = await LoginForm.PostAsync(client, DemoUsers.Mso, "Forkert-kode-" + i);
            last = System.Net.WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        }

        Assert.Contains(AppText.Login_Failed, last);
        await using (var db = await _app.DbAsync())
        {
            var user = await db.Users.SingleAsync(u => u.Email == DemoUsers.Mso);
            Assert.InRange(user.LockoutEnd!.Value, DateTimeOffset.UtcNow.AddMinutes(4), DateTimeOffset.UtcNow.AddMinutes(6));
        }

        var right = await LoginForm.PostAsync(client, DemoUsers.Mso, DemoUsers.Password);
        Assert.Contains(AppText.Login_Failed, System.Net.WebUtility.HtmlDecode(await right.Content.ReadAsStringAsync()));
        Assert.DoesNotContain(right.Headers, h => h.Key == "Set-Cookie" && h.Value.Any(v => v.StartsWith("InnovationCases.Auth=", StringComparison.Ordinal)));
    }

    public void Dispose() => _app.Dispose();
}
