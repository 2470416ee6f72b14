using System.Net;
using System.Text.Json;
using Agora.Web.Features.Commitments;
using Agora.Web.Features.Needs;
using Agora.Web.Features.Processes;
using Agora.Web.Features.Surveys;
using Agora.Web.Features.Swot;
using Agora.Web.Infrastructure.Demo;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Agora.Tests.Features.Api;

/// <summary>The workshop toolkit through the API: SWOT items, needs with their ranking, commitments and surveys.</summary>
public sealed class ToolkitApiTests(AgoraFactory f) : IClassFixture<AgoraFactory>
{
    private const string Components = "swot,needs,commitments,surveys";

    private async Task SeedAsync() => await f.InScopeAsync(sp => sp.GetRequiredService<DemoSeed>().RunAsync(CancellationToken.None));

    private async Task<Guid> DemoProcessAsync() =>
        await f.DbAsync(db => db.Set<Process>().Where(p => p.Slug == ProcessesDemo.IccSlug).Select(p => p.Id).SingleAsync());

    private async Task<T> AddAsync<T>(T entity) where T : class =>
        await f.DbAsync(async db =>
        {
            db.Add(entity);
            await db.SaveChangesAsync();
            return entity;
        });

    [Fact]
    public async Task SwotItems_AreTheDemoBoardsLiveItems_WithTheirDots()
    {
        await SeedAsync();
        var api = f.Anonymous();
        var items = await api.AllAsync($"/api/v1/swot-items?process={ProcessesDemo.IccSlug}&limit=3");
        var demo = await DemoProcessAsync();
        var live = (await f.DbAsync(db => db.Set<SwotItem>().AsNoTracking()
            .Where(i => i.MergedIntoId == null && db.Set<SwotBoard>().Any(b => b.Id == i.BoardId && b.ProcessId == demo))
            .Select(i => i.Id).ToListAsync())).Select(i => i.ToString()).ToList();
        Assert.NotEmpty(items);
        Assert.Equal(live.Order(StringComparer.Ordinal), items.Ids().Order(StringComparer.Ordinal));
        var dots = await f.DbAsync(db => db.Set<SwotDot>().GroupBy(d => d.ItemId).Select(g => new { g.Key, Sum = g.Sum(d => d.Count) }).ToListAsync());
        foreach (var item in items)
        {
            var id = Guid.Parse(item.GetProperty("id").GetString()!);
            Assert.Equal(dots.SingleOrDefault(d => d.Key == id)?.Sum ?? 0, item.GetProperty("dots").GetInt32());
            Assert.True(item.GetProperty("contributors").GetInt32() >= 1);
            Assert.False(string.IsNullOrEmpty(item.GetProperty("boardTitle").GetProperty("bg").GetString()));
        }
        var boards = await api.AllAsync($"/api/v1/swot-boards?process={ProcessesDemo.IccSlug}&limit=1");
        var boardCount = await f.DbAsync(db => db.Set<SwotBoard>().CountAsync(b => b.ProcessId == demo));
        Assert.Equal(boardCount, boards.Count);
        var voters = await f.DbAsync(db => db.Set<SwotDot>().Where(d => d.BoardId == Guid.Parse(boards[0].GetProperty("id").GetString()!)).Select(d => d.UserId).Distinct().CountAsync());
        Assert.Equal(voters, boards[0].GetProperty("participants").GetInt32());
        Assert.Equal(boards[0].GetRawText(), (await api.JsonAsync($"/api/v1/swot-boards/{boards[0].GetProperty("id").GetString()}")).GetRawText());
        var one = await api.JsonAsync($"/api/v1/swot-items/{items[0].GetProperty("id").GetString()}");
        Assert.Equal(items[0].GetRawText(), one.GetRawText());

        var threats = await api.AllAsync("/api/v1/swot-items?quadrant=threats");
        Assert.NotEmpty(threats);
        Assert.All(threats, t => Assert.Equal("threats", t.GetProperty("quadrant").GetString()));
        var board = items[0].GetProperty("board").GetString();
        Assert.All(await api.AllAsync($"/api/v1/swot-items?board={board}"), t => Assert.Equal(board, t.GetProperty("board").GetString()));

        // Merged away: gone from the list and by id.
        var merged = await f.DbAsync(async db =>
        {
            var all = await db.Set<SwotItem>().Where(i => i.MergedIntoId == null && i.BoardId == Guid.Parse(board!)).OrderBy(i => i.CreatedAt).Take(2).ToListAsync();
            all[1].MergedIntoId = all[0].Id;
            await db.SaveChangesAsync();
            return all[1].Id;
        });
        await api.ProblemAsync($"/api/v1/swot-items/{merged}", HttpStatusCode.NotFound, "swotItem");
        Assert.DoesNotContain(merged.ToString(), (await api.AllAsync("/api/v1/swot-items?limit=100")).Ids());
    }

    [Fact]
    public async Task Needs_CarryTheRankingOfTheRankingPage()
    {
        await SeedAsync();
        var api = f.Anonymous();
        var needs = await api.AllAsync($"/api/v1/needs?process={ProcessesDemo.IccSlug}&limit=2");
        Assert.NotEmpty(needs);
        var demo = await DemoProcessAsync();
        var count = await f.DbAsync(db => db.Set<Need>().CountAsync(n => n.ProcessId == demo));
        Assert.Equal(count, needs.Count);

        // The same numbers as the ranking document of the pages.
        var ranking = JsonDocument.Parse(await f.Anonymous().GetStringAsync(new Uri($"/processes/{ProcessesDemo.IccSlug}/needs/ranking.json", UriKind.Relative))).RootElement;
        foreach (var row in ranking.GetProperty("needs").EnumerateArray())
        {
            var need = needs.Single(n => n.GetProperty("id").GetString() == row.GetProperty("id").GetString());
            var r = need.GetProperty("ranking");
            Assert.Equal(row.GetProperty("score").GetInt64(), r.GetProperty("score").GetInt64());
            Assert.Equal(row.GetProperty("positionFrom").GetInt32(), r.GetProperty("positionFrom").GetInt32());
            Assert.Equal(row.GetProperty("positionTo").GetInt32(), r.GetProperty("positionTo").GetInt32());
            Assert.Equal(row.GetProperty("participants").GetInt32(), r.GetProperty("participants").GetInt32());
            Assert.Equal(ranking.GetProperty("participants").GetInt32(), r.GetProperty("processParticipants").GetInt32());
        }
        Assert.Contains(needs, n => n.GetProperty("swotItems").GetArrayLength() > 0);
        var one = await api.JsonAsync($"/api/v1/needs/{needs[0].GetProperty("id").GetString()}");
        Assert.Equal(needs[0].GetRawText(), one.GetRawText());

        var area = needs[0].GetProperty("area").GetString();
        Assert.All(await api.AllAsync($"/api/v1/needs?area={area}"), n => Assert.Equal(area, n.GetProperty("area").GetString()));
        var status = needs[0].GetProperty("status").GetString();
        Assert.All(await api.AllAsync($"/api/v1/needs?status={status}"), n => Assert.Equal(status, n.GetProperty("status").GetString()));
    }

    [Fact]
    public async Task Commitments_ListTheDemo_WithUpdatesById_AndTheOverdueFilter()
    {
        await SeedAsync();
        var api = f.Anonymous();
        var list = await api.AllAsync($"/api/v1/commitments?process={ProcessesDemo.IccSlug}&limit=3");
        var demo = await DemoProcessAsync();
        var visible = await f.DbAsync(db => db.Set<Commitment>().CountAsync(c => c.HiddenAt == null && c.ProcessId == demo));
        Assert.Equal(visible, list.Count);
        Assert.All(list, c => Assert.False(c.TryGetProperty("updates", out _)));
        Assert.Contains(list, c => c.TryGetProperty("organization", out _) && c.GetProperty("organizationName").GetProperty("bg").GetString()!.Length > 0);
        Assert.Matches(@"^\d{4}-\d{2}-\d{2}$", list[0].GetProperty("due").GetString()!);

        var updated = list.First(c => c.GetProperty("updateCount").GetInt32() > 0);
        var one = await api.JsonAsync($"/api/v1/commitments/{updated.GetProperty("id").GetString()}");
        Assert.Equal(updated.GetProperty("updateCount").GetInt32(), one.GetProperty("updates").GetArrayLength());
        Assert.False(string.IsNullOrEmpty(one.GetProperty("updates")[0].GetProperty("text").GetString()));

        var overdue = await api.AllAsync($"/api/v1/commitments?process={ProcessesDemo.IccSlug}&overdue=true");
        var notOverdue = await api.AllAsync($"/api/v1/commitments?process={ProcessesDemo.IccSlug}&overdue=false");
        Assert.All(overdue, c => Assert.True(c.GetProperty("overdue").GetBoolean()));
        Assert.All(notOverdue, c => Assert.False(c.GetProperty("overdue").GetBoolean()));
        Assert.Equal(list.Count, overdue.Count + notOverdue.Count);
        var org = list.First(c => c.TryGetProperty("organization", out _)).GetProperty("organization").GetString();
        Assert.All(await api.AllAsync($"/api/v1/commitments?organization={org}"), c => Assert.Equal(org, c.GetProperty("organization").GetString()));
    }

    [Fact]
    public async Task Surveys_ListTheDemo_AndPublicResultsCarryAggregatesOnly()
    {
        await SeedAsync();
        var api = f.Anonymous();
        var list = await api.AllAsync($"/api/v1/surveys?process={ProcessesDemo.IccSlug}");
        Assert.NotEmpty(list);
        Assert.All(list, s => Assert.False(s.TryGetProperty("questions", out _)));
        var open = list.First(s => s.GetProperty("resultsPublic").GetBoolean());
        var one = await api.JsonAsync($"/api/v1/surveys/{open.GetProperty("id").GetString()}");
        Assert.NotEmpty(one.GetProperty("questions").EnumerateArray());
        var results = one.GetProperty("results");
        Assert.Equal(one.GetProperty("responseCount").GetInt32(), results.GetProperty("responses").GetInt32());
        // No free text anywhere in the aggregates.
        var raw = results.GetRawText();
        var texts = await f.DbAsync(db => db.Set<SurveyAnswer>().Where(a => a.Text != null && a.Text.Length > 5).Select(a => a.Text!).Take(20).ToListAsync());
        Assert.All(texts, t => Assert.DoesNotContain(JsonSerializer.Serialize(t)[1..^1], raw, StringComparison.Ordinal));
        var choice = one.GetProperty("questions").EnumerateArray().FirstOrDefault(q => q.GetProperty("type").GetString() == "singleChoice");
        if (choice.ValueKind == JsonValueKind.Object)
        {
            var id = Guid.Parse(choice.GetProperty("id").GetString()!);
            var stored = await f.DbAsync(db => db.Set<SurveyAnswer>().CountAsync(a => a.QuestionId == id && a.OptionId != null));
            var agg = results.GetProperty("questions").EnumerateArray().Single(q => q.GetProperty("question").GetString() == id.ToString());
            Assert.Equal(stored, agg.GetProperty("options").EnumerateArray().Sum(o => o.GetProperty("count").GetInt32()));
        }
    }

    [Fact]
    public async Task DraftProcess_ComponentOff_Hidden_Unpublished_AndPrivateResults_AreNotShown()
    {
        var author = await f.PersonAsync();
        var draft = await f.ProcessAsync(published: false, components: Components);
        var off = await f.ProcessAsync(components: "proposals");
        var on = await f.ProcessAsync(components: Components);
        var ids = new List<(string Kind, Guid Id)>();
        foreach (var p in new[] { draft, off })
        {
            var board = await AddAsync(new SwotBoard { ProcessId = p.Id, Title = new("Табло", "Board"), CreatedAt = DateTime.UtcNow });
            ids.Add(("swot-boards", board.Id));
            ids.Add(("swot-items", (await AddAsync(new SwotItem { BoardId = board.Id, Text = "Скрито", CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow })).Id));
            ids.Add(("needs", (await AddAsync(new Need { ProcessId = p.Id, Title = new("Нужда", "Need"), CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow })).Id));
            ids.Add(("commitments", (await AddAsync(Commitment(p.Id, author.Id))).Id));
            ids.Add(("surveys", (await AddAsync(Survey(p.Id, published: true, resultsPublic: true))).Id));
        }
        var hidden = Commitment(on.Id, author.Id);
        hidden.HiddenAt = DateTime.UtcNow;
        ids.Add(("commitments", (await AddAsync(hidden)).Id));
        ids.Add(("surveys", (await AddAsync(Survey(on.Id, published: false, resultsPublic: true))).Id));
        var shown = await AddAsync(Commitment(on.Id, author.Id));
        var privateResults = await AddAsync(Survey(on.Id, published: true, resultsPublic: false));
        await AddAsync(new SurveyQuestion { SurveyId = privateResults.Id, Type = QuestionType.Scale, Text = new("Колко?", "How much?") });

        var api = f.Anonymous();
        foreach (var (kind, id) in ids)
        {
            await api.ProblemAsync($"/api/v1/{kind}/{id}", HttpStatusCode.NotFound, "has this id");
            Assert.DoesNotContain(id.ToString(), (await api.AllAsync($"/api/v1/{kind}?limit=100")).Ids());
        }
        await api.ProblemAsync($"/api/v1/needs?process={draft.Slug}", HttpStatusCode.NotFound, draft.Slug);
        Assert.Empty(await api.AllAsync($"/api/v1/swot-items?process={off.Slug}"));

        Assert.Equal([shown.Id.ToString()], (await api.AllAsync($"/api/v1/commitments?process={on.Slug}")).Ids());
        var survey = await api.JsonAsync($"/api/v1/surveys/{privateResults.Id}");
        Assert.Single(survey.GetProperty("questions").EnumerateArray());
        Assert.False(survey.TryGetProperty("results", out _));
        Assert.False(survey.GetProperty("resultsPublic").GetBoolean());

        // A signed-in administrator's cookies change nothing.
        var admin = await f.SignedInAsync(await f.PersonAsync(role: "Administrator"));
        var asAdmin = await admin.GetAsync(new Uri($"/api/v1/commitments/{hidden.Id}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, asAdmin.StatusCode);
    }

    private static Commitment Commitment(Guid processId, Guid authorId) => new()
    {
        ProcessId = processId,
        AuthorId = authorId,
        Title = "Ангажимент",
        Description = "Описание",
        DueOn = new DateOnly(2030, 1, 1),
        CreatedAt = DateTime.UtcNow,
        UpdatedAt = DateTime.UtcNow,
    };

    private static Survey Survey(Guid processId, bool published, bool resultsPublic) => new()
    {
        ProcessId = processId,
        Title = new("Анкета", "Survey"),
        Published = published,
        ResultsPublic = resultsPublic,
        CreatedAt = DateTime.UtcNow,
        UpdatedAt = DateTime.UtcNow,
    };

    [Theory]
    [InlineData("swot-items?quadrant=middle", "quadrant")]
    [InlineData("swot-items?board=12", "board")]
    [InlineData("needs?status=done", "status")]
    [InlineData("needs?area=space", "area")]
    [InlineData("commitments?status=late", "status")]
    [InlineData("commitments?overdue=yes", "overdue")]
    [InlineData("commitments?organization=", "organization")]
    [InlineData("surveys?updated_since=yesterday", "updated_since")]
    public async Task BadFilters_Give400ProblemDetails(string url, string mentions) =>
        await f.Anonymous().ProblemAsync("/api/v1/" + url, HttpStatusCode.BadRequest, mentions);

    [Theory]
    [InlineData("swot-items", 1)]
    [InlineData("swot-boards", 1)]
    [InlineData("needs", 6)]
    [InlineData("commitments", 1)]
    [InlineData("surveys", 1)]
    public async Task ListRequests_RunAFixedNumberOfQueries_WhateverTheLimit(string kind, int most)
    {
        await SeedAsync();
        var api = f.Anonymous();
        await api.JsonAsync($"/api/v1/{kind}?limit=1"); // warm up: the first request compiles the queries
        var few = await QueriesAsync(api, $"/api/v1/{kind}?limit=1");
        Assert.Equal(few, await QueriesAsync(api, $"/api/v1/{kind}?limit=100"));
        Assert.True(few <= most, $"{kind}: {few} queries");
    }

    /// <summary>The fewest queries of three runs: background workers share the counter.</summary>
    private async Task<int> QueriesAsync(HttpClient api, string url)
    {
        var counts = new List<int>();
        for (var i = 0; i < 3; i++)
        {
            f.Queries.Reset();
            await api.JsonAsync(url);
            counts.Add(f.Queries.Count);
        }
        return counts.Min();
    }
}
