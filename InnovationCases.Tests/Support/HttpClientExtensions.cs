using System.Net;

namespace InnovationCases.Tests.Support;

public static class HttpClientExtensions
{
    /// <summary>The body of a page that may answer 200 or 404 (anything else fails the test).</summary>
    public static async Task<string> GetStringAsyncAllowing404(this HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        Xunit.Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.NotFound, $"{url}: {response.StatusCode}");
        return await response.Content.ReadAsStringAsync();
    }
}
