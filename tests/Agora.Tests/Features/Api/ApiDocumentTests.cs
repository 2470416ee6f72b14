using System.Net;
using System.Text.Json;

namespace Agora.Tests.Features.Api;

/// <summary>The OpenAPI document describes every collection, and the /api page renders it in both languages.</summary>
public sealed class ApiDocumentTests(AgoraFactory f) : IClassFixture<AgoraFactory>
{
    private static readonly string[] Kinds = ["processes", "events", "organizations", "news", "proposals", "debates", "comments", "guides", "courses", "swot-items", "needs", "commitments", "surveys", "swot-boards", "results", "maturity-rounds", "budgets", "budget-projects"];

    [Fact]
    public async Task OpenApi_Is31_WithEveryKind_OperationIds_Examples_AndProblemResponses()
    {
        var doc = await f.Anonymous().JsonAsync("/openapi/v1.json");
        Assert.Equal("3.1.0", doc.GetProperty("openapi").GetString());
        Assert.Equal("https://creativecommons.org/licenses/by/4.0/", doc.GetProperty("info").GetProperty("license").GetProperty("url").GetString());
        Assert.Equal("http://localhost/api/v1", doc.GetProperty("servers")[0].GetProperty("url").GetString());
        var paths = doc.GetProperty("paths");
        var ids = new List<string>();
        foreach (var kind in Kinds)
        {
            foreach (var path in new[] { "/" + kind, "/" + kind + "/{id}" })
            {
                var get = paths.GetProperty(path).GetProperty("get");
                ids.Add(get.GetProperty("operationId").GetString()!);
                Assert.False(string.IsNullOrEmpty(get.GetProperty("description").GetString()));
                var ok = get.GetProperty("responses").GetProperty("200").GetProperty("content").GetProperty("application/json");
                Assert.Equal(JsonValueKind.Object, ok.GetProperty("example").ValueKind);
                Assert.True(get.GetProperty("responses").TryGetProperty("404", out _) || path == "/" + kind);
                Assert.True(get.GetProperty("responses").TryGetProperty("429", out _));
            }
            Assert.True(paths.GetProperty("/" + kind).GetProperty("get").GetProperty("responses").TryGetProperty("400", out _));
        }
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.Contains("listProposals", ids);
        Assert.Contains("getProposal", ids);
        var problem = doc.GetProperty("components").GetProperty("schemas").GetProperty("Problem");
        Assert.Equal(["type", "title", "status"], problem.GetProperty("required").EnumerateArray().Select(x => x.GetString()));
        // Field descriptions come from the records.
        var proposal = doc.GetProperty("components").GetProperty("schemas").GetProperty("Proposal").GetProperty("properties");
        Assert.Contains("support", proposal.GetProperty("supportCount").GetProperty("description").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("bg", "API за отворени данни")]
    [InlineData("en", "Open data API")]
    public async Task ApiPage_RendersEveryOperation_InTheReadersLanguage(string culture, string title)
    {
        var html = await f.Browser(culture).HtmlAsync("/api");
        Assert.Contains($"<h1>{title}</h1>", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/openapi/v1.json\"", html, StringComparison.Ordinal);
        foreach (var kind in Kinds)
        {
            Assert.Contains($"GET /{kind}</code>", html, StringComparison.Ordinal);
            Assert.Contains($"GET /{kind}/{{id}}</code>", html, StringComparison.Ordinal);
        }
        // Rendered on the server: the page's own content needs no script and nothing from another origin.
        var main = html.Split("<main")[1].Split("</main>")[0];
        Assert.DoesNotContain("<script", main, StringComparison.Ordinal);
        Assert.DoesNotContain("src=\"http", main, StringComparison.Ordinal);
    }
}

/// <summary>Its own app: a tiny API budget, so the fourth request of a minute is refused.</summary>
public sealed class ApiRateLimitTests : IAsyncLifetime
{
    private readonly AgoraFactory f = new();

    public async ValueTask InitializeAsync()
    {
        f.Settings["Agora:Api:PerMinute"] = "3";
        await f.InitializeAsync();
    }

    public async ValueTask DisposeAsync() => await f.DisposeAsync();

    [Fact]
    public async Task PastTheBudget_429ProblemDetailsWithRetryAfter_PagesUnaffected()
    {
        var api = f.Anonymous();
        for (var i = 0; i < 3; i++)
            Assert.Equal(HttpStatusCode.OK, (await api.GetAsync(new Uri("/api/v1/processes", UriKind.Relative))).StatusCode);
        var refused = await api.GetAsync(new Uri("/api/v1/processes", UriKind.Relative));
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.True(refused.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        var body = JsonDocument.Parse(await refused.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(429, body.GetProperty("status").GetInt32());
        Assert.Equal("Too Many Requests", body.GetProperty("title").GetString());
        // The budget is the API's own: pages still answer.
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync(new Uri("/processes", UriKind.Relative))).StatusCode);
    }
}
