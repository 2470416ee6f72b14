using System.Net;
using System.Text;
using System.Text.Json;
using Agora.Tests.Features.Proposals;
using Agora.Web.Features.Needs;
using Agora.Web.Features.Organizations;
using Agora.Web.Infrastructure.Identity;
using Microsoft.EntityFrameworkCore;

namespace Agora.Tests.Features.Workshops;

public sealed class NeedsTests(AgoraFactory f) : IClassFixture<AgoraFactory>
{
    private static void Denied(HttpResponseMessage r) =>
        Assert.StartsWith("/account/access-denied", r.Location(), StringComparison.Ordinal);

    private static Task<HttpResponseMessage> RankAsync(HttpClient c, string needs, params Guid?[] slots) =>
        c.PostFormAsync(needs + "/rank", slots.Select((s, i) => (s, i)).ToDictionary(x => $"Slots[{x.i}]", x => x.s?.ToString() ?? ""));

    private static Task<HttpResponseMessage> PointsAsync(HttpClient c, string needs, params (Guid Need, string Points)[] points) =>
        c.PostFormAsync(needs + "/rank", points.ToDictionary(p => $"Points[{p.Need}]", p => p.Points));

    [Fact]
    public async Task TopFive_AggregatesByBordaWithTiesCountsAndKinds_InPageCsvAndJson()
    {
        var process = await f.WorkshopProcessAsync();
        var n = await f.NeedsAsync(process, 4);
        var url = WorkshopTestData.NeedsUrl(process);
        var ngo = await f.SignedInAsync(await f.RepresentativeAsync(OrganizationKind.Ngo, "Сдружение Делта"));
        var resident = await f.SignedInAsync(await f.PersonAsync());
        var third = await f.SignedInAsync(await f.PersonAsync());
        // A: 5 + 4 = 9; B: 4 + 5 = 9; C: 3 + 5 = 8; D: 0 → A and B share 1–2.
        Assert.Equal(HttpStatusCode.Redirect, (await RankAsync(ngo, url, n[0].Id, n[1].Id, n[2].Id)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await RankAsync(resident, url, n[1].Id, n[0].Id)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await RankAsync(third, url, n[2].Id)).StatusCode);

        var page = await f.Browser().HtmlAsync(url + "/ranking");
        Assert.Contains("3 участници", page, StringComparison.Ordinal);
        Assert.Contains("място 1 носи 5 точки", page, StringComparison.Ordinal);
        Assert.Matches(@"<td>1–2\s*<span class=""visually-hidden"">\(равен резултат\)</span>", page);
        Assert.True(page.IndexOf("Нужда В", StringComparison.Ordinal) < page.IndexOf("Нужда Г", StringComparison.Ordinal));
        Assert.Contains("Неправителствени организации", page, StringComparison.Ordinal);
        Assert.Contains("<svg", page, StringComparison.Ordinal);

        var csvResponse = await f.Browser().GetAsync(url + "/ranking.csv");
        Assert.Equal("text/csv", csvResponse.Content.Headers.ContentType?.MediaType);
        var bytes = await csvResponse.Content.ReadAsByteArrayAsync();
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n");
        Assert.Equal("\"Място\",\"Нужда\",\"Област на общинската администрация\",\"Статус\",\"Точки (Борда)\",\"Участници\",\"Неправителствени организации\",\"Граждани (лично)\"", lines[0]);
        Assert.StartsWith("\"1–2\",\"Нужда А\"", lines[1], StringComparison.Ordinal);
        Assert.Equal("\"3\",\"Нужда В\",\"Дигитална трансформация и е-управление\",\"Установена\",\"8\",\"2\",\"3\",\"5\"", lines[3]);
        Assert.Equal("", lines[^1]);

        var json = JsonDocument.Parse(await f.Browser().GetStringAsync(url + "/ranking.json")).RootElement;
        Assert.Equal("top-five", json.GetProperty("method").GetString());
        Assert.Equal(3, json.GetProperty("participants").GetInt32());
        var rows = json.GetProperty("needs").EnumerateArray().ToList();
        Assert.Equal([9L, 9, 8, 0], rows.Select(r => r.GetProperty("score").GetInt64()));
        Assert.Equal(n[0].Id, rows[0].GetProperty("id").GetGuid());
        Assert.True(rows[0].GetProperty("tied").GetBoolean());
        Assert.Equal(2, rows[1].GetProperty("positionTo").GetInt32());
        Assert.Equal("Need A", rows[0].GetProperty("title").GetProperty("en").GetString());
        Assert.Equal(5, rows[0].GetProperty("scoreByKind").GetProperty("Ngo").GetInt64());
        Assert.Equal("identified", rows[0].GetProperty("status").GetString());
    }

    [Fact]
    public async Task TopFive_SameNeedTwice_RefusedWithReasonAndChoicesKept()
    {
        var process = await f.WorkshopProcessAsync();
        var n = await f.NeedsAsync(process, 3);
        var url = WorkshopTestData.NeedsUrl(process);
        var client = await f.SignedInAsync(await f.PersonAsync());
        var response = await RankAsync(client, url, n[0].Id, n[2].Id, n[0].Id);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var html = await response.TextAsync();
        Assert.Contains("на две места", html, StringComparison.Ordinal);
        Assert.Contains($"<option value=\"{n[2].Id}\" selected=\"selected\">", html, StringComparison.Ordinal);
        Assert.Equal(0, await f.DbAsync(db => db.Set<NeedVote>().CountAsync(v => v.ProcessId == process.Id)));
    }

    [Fact]
    public async Task Points_WrongSumOrOutOfRange_RefusedWithReasonAndNumbersKept_ThenSummed()
    {
        var process = await f.WorkshopProcessAsync();
        var n = await f.NeedsAsync(process, 3, RankingMethod.Points);
        var url = WorkshopTestData.NeedsUrl(process);
        var client = await f.SignedInAsync(await f.PersonAsync());
        var wrongSum = await PointsAsync(client, url, (n[0].Id, "60"), (n[1].Id, "30"));
        var html = await wrongSum.TextAsync();
        Assert.Contains("общо 100; сега са 90", html, StringComparison.Ordinal);
        Assert.Contains($"name=\"Points[{n[1].Id}]\" type=\"number\" inputmode=\"numeric\" min=\"0\" max=\"100\" value=\"30\"", html, StringComparison.Ordinal);
        var outOfRange = await PointsAsync(client, url, (n[0].Id, "150"), (n[1].Id, "-50"));
        Assert.Contains("между 0 и 100", await outOfRange.TextAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await f.DbAsync(db => db.Set<NeedVote>().CountAsync(v => v.ProcessId == process.Id)));

        Assert.Equal(HttpStatusCode.Redirect, (await PointsAsync(client, url, (n[0].Id, "70"), (n[1].Id, "30"), (n[2].Id, "0"))).StatusCode);
        var other = await f.SignedInAsync(await f.PersonAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await PointsAsync(other, url, (n[1].Id, "50"), (n[2].Id, "50"))).StatusCode);
        var json = JsonDocument.Parse(await f.Browser().GetStringAsync(url + "/ranking.json")).RootElement;
        Assert.Equal("points", json.GetProperty("method").GetString());
        // B = 30 + 50 = 80; A = 70; C = 50.
        Assert.Equal([80L, 70, 50], json.GetProperty("needs").EnumerateArray().Select(r => r.GetProperty("score").GetInt64()));
    }

    [Fact]
    public async Task Closed_RankingIsRefused()
    {
        var process = await f.WorkshopProcessAsync();
        var n = await f.NeedsAsync(process, 2);
        await f.DbAsync(db => db.Set<NeedsSettings>().Where(s => s.ProcessId == process.Id).ExecuteUpdateAsync(s => s.SetProperty(x => x.ClosedAt, DateTime.UtcNow)));
        var url = WorkshopTestData.NeedsUrl(process);
        var client = await f.SignedInAsync(await f.PersonAsync());
        var response = await client.PostAsync(url + "/rank", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = Http.Token(await (await client.GetAsync(url + "/rank")).Content.ReadAsStringAsync()),
            ["Slots[0]"] = n[0].Id.ToString(),
        }));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var html = await response.TextAsync();
        Assert.Contains("Приоритизирането е затворено", html, StringComparison.Ordinal);
        Assert.Contains($"<option value=\"{n[0].Id}\" selected=\"selected\">", html, StringComparison.Ordinal);
        Assert.Equal(0, await f.DbAsync(db => db.Set<NeedVote>().CountAsync(v => v.ProcessId == process.Id)));
    }

    [Fact]
    public async Task ParallelBallotsOfOnePerson_StoreExactlyOneOfThem()
    {
        var process = await f.WorkshopProcessAsync();
        var n = await f.NeedsAsync(process, 6, RankingMethod.Points);
        var url = WorkshopTestData.NeedsUrl(process);
        var person = await f.PersonAsync();
        var client = await f.SignedInAsync(person);
        var token = Http.Token(await (await client.GetAsync(url + "/rank")).Content.ReadAsStringAsync());
        // Each ballot alone gives 100 points to two needs; mixed together they would exceed 100.
        var tasks = Enumerable.Range(0, 6).Select(k => client.PostAsync(url + "/rank", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            [$"Points[{n[k].Id}]"] = "60",
            [$"Points[{n[(k + 1) % 6].Id}]"] = "40",
        })));
        var responses = await Task.WhenAll(tasks);
        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Redirect, r.StatusCode));
        var stored = await f.DbAsync(db => db.Set<NeedVote>().Where(v => v.ProcessId == process.Id && v.UserId == person.Id).ToListAsync());
        Assert.Equal(2, stored.Count);
        Assert.Equal(100, stored.Sum(v => v.Points));
    }

    [Fact]
    public async Task Roles_FacilitatorWritesNeedsWithLinksOthersCannot()
    {
        var facilitator = await f.PersonAsync();
        var process = await f.WorkshopProcessAsync(facilitator);
        var proposal = await f.ProposalAsync(process, await f.PersonAsync(), "Единен портал за услуги");
        var board = await f.BoardAsync(process);
        var item = await f.ItemAsync(board, await f.PersonAsync(), Agora.Web.Features.Swot.SwotQuadrant.Weaknesses, "Разпокъсана информация");
        var url = WorkshopTestData.NeedsUrl(process);
        var fields = new Dictionary<string, string>
        {
            ["Input.TitleBg"] = "Информация на едно място",
            ["Input.TitleEn"] = "Information in one place",
            ["Input.DescriptionBg"] = "Един **вход**.",
            ["Input.Area"] = "digital",
            ["Input.Status"] = "InActionPlan",
            ["Input.Position"] = "0",
            ["Input.SwotItemIds"] = item.Id.ToString(),
            ["Input.ProposalIds"] = proposal.Id.ToString(),
        };

        Assert.Equal(HttpStatusCode.Redirect, (await f.Browser().GetAsync(url + "/edit")).StatusCode);
        var participant = await f.SignedInAsync(await f.PersonAsync());
        Denied(await participant.GetAsync(url + "/edit"));
        Denied(await participant.PostFormAsync(url, new Dictionary<string, string> { ["Input.Method"] = "Points" }, url + "?handler=settings"));

        var fc = await f.SignedInAsync(facilitator);
        var bad = await fc.PostFormAsync(url + "/edit", new Dictionary<string, string>(fields) { ["Input.Area"] = "nowhere" });
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        Assert.Contains("Информация на едно място", await bad.TextAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await fc.PostFormAsync(url + "/edit", fields)).StatusCode);
        var list = await f.Browser().HtmlAsync(url);
        Assert.Contains("Информация на едно място", list, StringComparison.Ordinal);
        Assert.Contains("В плана за действие", list, StringComparison.Ordinal);
        Assert.Contains("<strong>вход</strong>", list, StringComparison.Ordinal);
        Assert.Contains("Разпокъсана информация", list, StringComparison.Ordinal);
        Assert.Contains($"/proposals/{proposal.Id}", list, StringComparison.Ordinal);

        // A proposal of another process cannot be linked.
        var foreign = await f.ProposalAsync(await f.WorkshopProcessAsync(), await f.PersonAsync());
        Assert.Equal(HttpStatusCode.BadRequest, (await fc.PostFormAsync(url + "/edit", new Dictionary<string, string>(fields) { ["Input.ProposalIds"] = foreign.Id.ToString() })).StatusCode);

        var admin = await f.SignedInAsync(await f.PersonAsync(role: Roles.Administrator, twoFactor: true));
        var need = await f.DbAsync(db => db.Set<Need>().SingleAsync(x => x.ProcessId == process.Id));
        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostFormAsync($"{url}/edit/{need.Id}", new Dictionary<string, string>(fields) { ["Input.Status"] = "Addressed" })).StatusCode);
        Assert.Equal(NeedStatus.Addressed, await f.DbAsync(db => db.Set<Need>().Where(x => x.Id == need.Id).Select(x => x.Status).SingleAsync()));
        Assert.Equal(1, await f.DbAsync(db => db.Set<NeedProposal>().CountAsync(x => x.NeedId == need.Id)));
    }

    [Fact]
    public async Task RepresentativesOnly_ResidentIsRefused()
    {
        var process = await f.WorkshopProcessAsync();
        var n = await f.NeedsAsync(process, 2, eligibility: Agora.Web.Features.Workshops.WorkshopEligibility.OrganizationRepresentatives);
        var url = WorkshopTestData.NeedsUrl(process);
        var page = await (await f.SignedInAsync(await f.PersonAsync())).HtmlAsync(url + "/rank");
        Assert.Contains("одобрени представители", page, StringComparison.Ordinal);
        var rep = await f.SignedInAsync(await f.RepresentativeAsync(OrganizationKind.UniversityOrSchool, "Университет"));
        Assert.Equal(HttpStatusCode.Redirect, (await RankAsync(rep, url, n[1].Id)).StatusCode);
    }
}
