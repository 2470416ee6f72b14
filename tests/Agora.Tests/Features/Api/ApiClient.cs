using System.Net;
using System.Text.Json;

namespace Agora.Tests.Features.Api;

/// <summary>Reads the API as a third-party client would: no cookies, JSON in, status and body out.</summary>
public static class ApiClient
{
    public static HttpClient Anonymous(this AgoraFactory f) =>
        f.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });

    public static async Task<JsonElement> JsonAsync(this HttpClient client, string url, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var response = await client.GetAsync(new Uri(url, UriKind.RelativeOrAbsolute));
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(expected == response.StatusCode, $"{url}: {(int)response.StatusCode} {text}");
        var media = response.Content.Headers.ContentType?.MediaType;
        Assert.Equal((int)expected >= 400 ? "application/problem+json" : "application/json", media);
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    /// <summary>Every item of a collection, following next links to the end.</summary>
    public static async Task<List<JsonElement>> AllAsync(this HttpClient client, string url)
    {
        var items = new List<JsonElement>();
        string? next = url;
        for (var pages = 0; next != null; pages++)
        {
            Assert.True(pages < 1000, "next links never end");
            var page = await client.JsonAsync(next);
            items.AddRange(page.GetProperty("items").EnumerateArray());
            next = page.TryGetProperty("next", out var n) ? n.GetString() : null;
        }
        return items;
    }

    public static List<string> Ids(this IEnumerable<JsonElement> items) => [.. items.Select(i => i.GetProperty("id").GetString()!)];

    /// <summary>Asserts a problem-details body: the status, a title and a detail that mentions <paramref name="mentions"/>.</summary>
    public static async Task ProblemAsync(this HttpClient client, string url, HttpStatusCode status, string mentions)
    {
        var body = await client.JsonAsync(url, status);
        Assert.Equal((int)status, body.GetProperty("status").GetInt32());
        Assert.StartsWith("https://www.rfc-editor.org/", body.GetProperty("type").GetString(), StringComparison.Ordinal);
        Assert.False(string.IsNullOrEmpty(body.GetProperty("title").GetString()));
        Assert.Contains(mentions, body.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }
}
