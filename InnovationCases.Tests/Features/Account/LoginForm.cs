using System.Net;
using System.Text.RegularExpressions;
using InnovationCases.Tests.Support;
using Microsoft.AspNetCore.Mvc.Testing;

namespace InnovationCases.Tests.Features.Account;

/// <summary>Posts the real login form over HTTP, with the antiforgery token taken from the GET.</summary>
public static partial class LoginForm
{
    /// <summary>An HTTPS client (no redirect to HTTPS), keeping cookies, not following redirects.</summary>
    public static HttpClient Client(TestApp app) =>
        app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("https://localhost"), HandleCookies = true });

    public static async Task<string> AntiforgeryTokenAsync(HttpClient client, string path = "/login")
    {
        var html = await client.GetStringAsync(path);
        var match = TokenInput().Match(html);
        Assert.True(match.Success, "The page has no antiforgery token.");
        return WebUtility.HtmlDecode(match.Groups[1].Value);
    }

    public static async Task<HttpResponseMessage> PostAsync(HttpClient client, string email, string password)
    {
        var token = await AntiforgeryTokenAsync(client);
        return await client.PostAsync("/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "login",
            ["__RequestVerificationToken"] = token,
            ["Input.Email"] = email,
            ["Input.Password"] = password,
        }));
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex TokenInput();
}
