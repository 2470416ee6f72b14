using System.Net;
using System.Text.Json;
using Agora.Web.Features.OpenData;
using Microsoft.Extensions.DependencyInjection;

namespace Agora.Tests.Features.OpenData;

public sealed class OpenDataTests(AgoraFactory f) : IClassFixture<AgoraFactory>
{
    private static readonly string[] Datasets = ["budget-projects", "budgets", "comments", "commitments", "debates", "events", "learning-guides", "maturity-results", "needs", "news", "organizations", "phases", "processes", "proposals", "results", "survey-results", "swot-dots", "swot-items"];

    private async Task<string> DownloadAsync(HttpClient client, string name, string format)
    {
        var response = await client.GetAsync($"/open-data/{name}.{format}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    private async Task RegenerateAsync()
    {
        var store = f.Services.GetRequiredService<OpenDataStore>();
        foreach (var d in store.Datasets)
            await store.GenerateAsync(d, CancellationToken.None);
    }

    [Fact]
    public async Task Exports_carry_public_content_only_and_no_personal_data()
    {
        var w = await f.WorldAsync();
        await RegenerateAsync();
        var client = f.Browser();
        var all = new List<string>();
        foreach (var name in Datasets)
            foreach (var format in new[] { "csv", "json" })
                all.Add(await DownloadAsync(client, name, format));
        var text = string.Join("\n", all);

        foreach (var visible in new[] { w.Visible.Title, w.Answered.Title, w.VisibleDebate.Title, w.VisibleComment.Body, "Коментар на дебат",
                     w.Listed.Name.Bg, w.PublicEvent.Title.Bg, w.PublicNews.Title.Bg, w.Guide.Title.Bg, w.Open.Slug })
            Assert.Contains(visible, text, StringComparison.Ordinal);
        foreach (var forbidden in w.Forbidden())
            Assert.DoesNotContain(forbidden, text, StringComparison.OrdinalIgnoreCase);

        // Authors are pseudonyms: the same in proposals, debates and comments, and in every export.
        var proposals = JsonDocument.Parse(await DownloadAsync(client, "proposals", "json")).RootElement;
        var mine = proposals.EnumerateArray().First(p => p.GetProperty("id").GetString() == w.Visible.Id.ToString());
        var pseudonym = mine.GetProperty("author").GetString()!;
        Assert.StartsWith("p-", pseudonym, StringComparison.Ordinal);
        var comments = JsonDocument.Parse(await DownloadAsync(client, "comments", "json")).RootElement;
        var onMine = comments.EnumerateArray().Where(c => c.GetProperty("target_id").GetString() == w.Visible.Id.ToString()).ToList();
        Assert.Single(onMine);
        Assert.Equal(pseudonym, onMine[0].GetProperty("author").GetString());
        await RegenerateAsync();
        Assert.Contains(pseudonym, await DownloadAsync(client, "debates", "csv"), StringComparison.Ordinal);
        Assert.Equal("Приемаме **предложението**.", proposals.EnumerateArray()
            .First(p => p.GetProperty("id").GetString() == w.Answered.Id.ToString()).GetProperty("answer").GetString());
        Assert.Equal(3, mine.GetProperty("support_count").GetInt32());
    }

    [Fact]
    public async Task Csv_follows_rfc_4180_with_invariant_numbers_and_iso_dates()
    {
        var process = await f.ProcessAsync(components: "proposals");
        var author = await f.PersonAsync();
        var created = new DateTime(2026, 3, 4, 5, 6, 7, DateTimeKind.Utc);
        await f.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<Agora.Web.Infrastructure.Data.AgoraDb>();
            db.Add(new Agora.Web.Features.Proposals.Proposal
            {
                ProcessId = process.Id,
                AuthorId = author.Id,
                Title = "Пейки, \"удобни\"",
                Body = "Ред 1\nРед 2",
                SupportCount = 1234,
                CreatedAt = created,
                UpdatedAt = created,
            });
            await db.SaveChangesAsync();
        });
        await RegenerateAsync();
        var csv = await DownloadAsync(f.Browser(), "proposals", "csv");
        Assert.StartsWith("id,process_id,title,body,district,state,support_count,comment_count,author,created_at,", csv, StringComparison.Ordinal);
        Assert.Contains("\r\n", csv, StringComparison.Ordinal);
        Assert.Contains("\"Пейки, \"\"удобни\"\"\",\"Ред 1\nРед 2\"", csv, StringComparison.Ordinal);
        Assert.Contains(",1234,0,p-", csv, StringComparison.Ordinal);
        Assert.Contains(",2026-03-04T05:06:07Z,", csv, StringComparison.Ordinal);
        Assert.EndsWith("\r\n", csv, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_dataset_or_format_is_404()
    {
        var client = f.Browser();
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/open-data/nothing.csv")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/open-data/proposals.xml")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/open-data/..%2Fagora.csv")).StatusCode);
    }

    [Fact]
    public async Task A_missing_file_is_made_on_first_download_and_served_with_validators()
    {
        var store = f.Services.GetRequiredService<OpenDataStore>();
        var events = store.Find("events")!;
        // The folder may not exist yet when this test runs first in its class (the worker is off in tests).
        var path = store.PathOf(events, OpenDataFormat.Json);
        if (File.Exists(path))
            File.Delete(path);
        var client = f.Browser();
        var response = await client.GetAsync("/open-data/events.json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType!.MediaType);
        Assert.NotNull(response.Content.Headers.LastModified);
        Assert.NotNull(response.Headers.ETag);
        var body = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(body.Length, response.Content.Headers.ContentLength);
        Assert.Equal(JsonValueKind.Array, JsonDocument.Parse(body).RootElement.ValueKind);

        using var conditional = new HttpRequestMessage(HttpMethod.Get, "/open-data/events.json");
        conditional.Headers.IfNoneMatch.Add(response.Headers.ETag!);
        Assert.Equal(HttpStatusCode.NotModified, (await client.SendAsync(conditional)).StatusCode);
        // No temporary files left behind.
        Assert.Empty(Directory.GetFiles(store.Directory, "*.tmp"));
    }

    [Fact]
    public async Task The_page_lists_every_dataset_with_fields_licence_and_downloads()
    {
        await RegenerateAsync();
        var html = await f.Browser().HtmlAsync("/open-data");
        foreach (var name in Datasets)
        {
            Assert.Contains($"href=\"/open-data/{name}.csv\"", html, StringComparison.Ordinal);
            Assert.Contains($"href=\"/open-data/{name}.json\"", html, StringComparison.Ordinal);
        }
        Assert.Contains("CC BY 4.0", html, StringComparison.Ordinal);
        Assert.Contains("support_count", html, StringComparison.Ordinal);
        Assert.Contains("Предложения на гражданите", html, StringComparison.Ordinal);
        var en = await f.Browser("en").HtmlAsync("/open-data?culture=en");
        Assert.Contains("Citizens' proposals", en, StringComparison.Ordinal);
        Assert.Contains("Update frequency", en, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Catalogue_describes_every_dataset_and_distribution_in_both_languages()
    {
        await f.WorldAsync();
        await RegenerateAsync();
        var client = f.Browser();
        var ttl = await client.GetAsync("/open-data/catalog.ttl");
        Assert.Equal("text/turtle", ttl.Content.Headers.ContentType!.MediaType);
        var turtle = await ttl.Content.ReadAsStringAsync();
        Assert.Contains("a dcat:Catalog", turtle, StringComparison.Ordinal);
        Assert.Contains("\"Столична община\"@bg", turtle, StringComparison.Ordinal);
        Assert.Contains("\"Sofia Municipality\"@en", turtle, StringComparison.Ordinal);
        Assert.Contains("a dcat:DataService", turtle, StringComparison.Ordinal);
        Assert.Contains("/openapi/v1.json>", turtle, StringComparison.Ordinal);
        Assert.Contains("<http://publications.europa.eu/resource/authority/licence/CC_BY_4_0>", turtle, StringComparison.Ordinal);
        foreach (var name in Datasets)
        {
            Assert.Contains($"/open-data/{name}.csv>\n    a dcat:Distribution", turtle, StringComparison.Ordinal);
            Assert.Contains($"/open-data/{name}.json>\n    a dcat:Distribution", turtle, StringComparison.Ordinal);
        }
        Assert.Contains("dcat:byteSize \"", turtle, StringComparison.Ordinal);
        Assert.Contains("^^xsd:nonNegativeInteger", turtle, StringComparison.Ordinal);

        var jsonld = JsonDocument.Parse(await client.GetStringAsync("/open-data/catalog.jsonld")).RootElement;
        var graph = jsonld.GetProperty("@graph").EnumerateArray().ToList();
        var datasets = graph.Where(n => n.TryGetProperty("@type", out var t) && t.EnumerateArray().Any(x => x.GetString() == "http://www.w3.org/ns/dcat#Dataset")).ToList();
        Assert.Equal(Datasets.Length, datasets.Count);
        var titles = datasets[0].GetProperty("http://purl.org/dc/terms/title").EnumerateArray().Select(t => t.GetProperty("@language").GetString()).ToList();
        Assert.Equal(["bg", "en"], titles);
    }
}
