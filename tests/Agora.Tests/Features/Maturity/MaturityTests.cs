using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Agora.Tests.Features.Api;
using Agora.Tests.Features.Workshops;
using Agora.Web.Features.Maturity;
using Agora.Web.Features.Organizations;
using Agora.Web.Infrastructure.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Agora.Tests.Features.Maturity;

public sealed class MaturityTests(AgoraFactory f) : IClassFixture<AgoraFactory>
{
    private static void Denied(HttpResponseMessage r) =>
        Assert.StartsWith("/account/access-denied", r.Location(), StringComparison.Ordinal);

    private Task<MaturityAssessment?> AssessmentOfAsync(MaturityRound round, AgoraUser user) =>
        f.DbAsync(db => db.Set<MaturityAssessment>().AsNoTracking().FirstOrDefaultAsync(a => a.RoundId == round.Id && a.UserId == user.Id));

    [Fact]
    public async Task Assess_DraftKeptNotCounted_ThenSubmitCounts_SecondSubmitRefused()
    {
        var facilitator = await f.PersonAsync();
        var process = await f.MaturityProcessAsync(facilitator);
        var framework = await f.FrameworkAsync();
        var round = await f.RoundAsync(process, framework);
        var rep = await f.RepresentativeAsync(OrganizationKind.Ngo, "Сдружение Мат");
        var client = await f.SignedInAsync(rep);
        var url = MaturityTestData.Url(process, round);

        var form = await client.HtmlAsync(url + "/assess");
        Assert.Contains("Алфа: описание на ниво 3", form, StringComparison.Ordinal);
        Assert.Contains("<legend>Сегашно ниво — Алфа</legend>", form, StringComparison.Ordinal);

        var draft = await client.PostFormAsync(url + "/assess", MaturityTestData.Form(framework, "draft", ("2", "4"), (null, null)));
        Assert.Equal(HttpStatusCode.Redirect, draft.StatusCode);
        var saved = await AssessmentOfAsync(round, rep);
        Assert.NotNull(saved);
        Assert.Null(saved.SubmittedAt);
        Assert.Contains("value=\"2\" checked", await client.HtmlAsync(url + "/assess"), StringComparison.Ordinal);
        var manager = await f.SignedInAsync(facilitator);
        var json = JsonDocument.Parse(await manager.GetStringAsync(url + "/report.json")).RootElement;
        Assert.Equal(0, json.GetProperty("assessors").GetInt32()); // a draft never counts

        var submit = await client.PostFormAsync(url + "/assess", MaturityTestData.Form(framework, "submit", ("2", "4"), ("3", "3")));
        Assert.Equal(HttpStatusCode.Redirect, submit.StatusCode);
        Assert.Equal(AssessorGroups.Ngo, (await AssessmentOfAsync(round, rep))!.Group);
        Assert.Equal(1, await f.DbAsync(db => db.Set<MaturityRound>().Where(r => r.Id == round.Id).Select(r => r.SubmittedCount).SingleAsync()));
        json = JsonDocument.Parse(await manager.GetStringAsync(url + "/report.json")).RootElement;
        Assert.Equal(1, json.GetProperty("assessors").GetInt32());
        Assert.Equal(1, json.GetProperty("assessorsByGroup").GetProperty("ngo").GetInt32());

        var again = await client.PostFormAsync(url + "/assess", MaturityTestData.Form(framework, "submit", ("5", "5"), ("5", "5")));
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        Assert.Contains("Вече сте изпратили оценката си", await again.TextAsync(), StringComparison.Ordinal);
        Assert.Equal(2, await f.DbAsync(db => db.Set<MaturityScore>().Where(s => s.AssessmentId == saved.Id && s.DimensionId == framework.Dimensions[0].Id).Select(s => s.Current).SingleAsync()));
    }

    [Theory]
    [InlineData("7", "4", "3", "3", null, "нивото трябва да е от 1 до 5")]
    [InlineData("0", "4", "3", "3", null, "нивото трябва да е от 1 до 5")]
    [InlineData("4", "2", "3", "3", null, "целевото ниво не може да е по-ниско от сегашното")]
    [InlineData("2", "4", null, "3", null, "изберете ниво, за да изпратите оценката")]
    [InlineData("2", "4", "3", "3", "javascript:alert(1)", "започващи с https://")]
    public async Task Assess_BadInput_RefusedWithReason_InputKept_NothingSubmitted(string? aCurrent, string? aTarget, string? bCurrent, string? bTarget,
        string? evidence, string message)
    {
        var process = await f.MaturityProcessAsync();
        var framework = await f.FrameworkAsync();
        var round = await f.RoundAsync(process, framework);
        var rep = await f.RepresentativeAsync(OrganizationKind.Company, "Фирма " + Guid.NewGuid().ToString("N")[..4]);
        var client = await f.SignedInAsync(rep);
        var url = MaturityTestData.Url(process, round) + "/assess";
        var response = await client.PostFormAsync(url, MaturityTestData.Form(framework, "submit", (aCurrent, aTarget), (bCurrent, bTarget), evidence));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var html = await response.TextAsync();
        Assert.Contains(message, html, StringComparison.Ordinal);
        Assert.Contains("Обосновка 0", html, StringComparison.Ordinal);
        Assert.Null((await AssessmentOfAsync(round, rep))?.SubmittedAt);
    }

    [Fact]
    public async Task Assess_TargetBelowCurrent_AcceptedWhereFrameworkAllows()
    {
        var process = await f.MaturityProcessAsync();
        var framework = await f.FrameworkAsync(allowTargetBelowCurrent: true);
        var round = await f.RoundAsync(process, framework);
        var rep = await f.RepresentativeAsync(OrganizationKind.UniversityOrSchool, "Университет");
        var client = await f.SignedInAsync(rep);
        var response = await client.PostFormAsync(MaturityTestData.Url(process, round) + "/assess", MaturityTestData.Form(framework, "submit", ("4", "2"), ("3", "3")));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var saved = await AssessmentOfAsync(round, rep);
        Assert.NotNull(saved!.SubmittedAt);
        Assert.Equal(AssessorGroups.Academia, saved.Group);
    }

    [Fact]
    public async Task Assess_OutsideAssessorSet_OrClosed_Refused()
    {
        var facilitator = await f.PersonAsync();
        var process = await f.MaturityProcessAsync(facilitator);
        var framework = await f.FrameworkAsync();
        var repsOnly = await f.RoundAsync(process, framework, AssessorSet.Representatives);
        var resident = await f.SignedInAsync(await f.PersonAsync());
        var url = MaturityTestData.Url(process, repsOnly) + "/assess";
        Assert.Contains("не е сред поканените оценители", await resident.HtmlAsync(url), StringComparison.Ordinal);
        var post = await resident.PostFormAsync(url, MaturityTestData.Form(framework, "submit", ("2", "3"), ("2", "3")));
        Assert.Equal(HttpStatusCode.BadRequest, post.StatusCode);
        Assert.Equal(0, await f.DbAsync(db => db.Set<MaturityAssessment>().CountAsync(a => a.RoundId == repsOnly.Id)));

        // A facilitator (process administrator) is municipality staff: admitted to a municipality round, not to a representatives' one.
        var manager = await f.SignedInAsync(facilitator);
        Assert.Contains("не е сред поканените оценители", await manager.HtmlAsync(url), StringComparison.Ordinal);
        var staffRound = await f.RoundAsync(process, framework, AssessorSet.Municipality);
        var ok = await manager.PostFormAsync(MaturityTestData.Url(process, staffRound) + "/assess", MaturityTestData.Form(framework, "submit", ("2", "3"), ("2", "3")));
        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        Assert.Equal(AssessorGroups.Municipality, (await AssessmentOfAsync(staffRound, facilitator))!.Group);

        var closed = await f.RoundAsync(process, framework, AssessorSet.Residents, open: false);
        var late = await resident.PostFormAsync(MaturityTestData.Url(process, closed) + "/assess", MaturityTestData.Form(framework, "submit", ("2", "3"), ("2", "3")));
        Assert.Equal(HttpStatusCode.BadRequest, late.StatusCode);
        Assert.Contains("затворен и не приема оценки", await late.TextAsync(), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Redirect, (await f.Browser().GetAsync(url)).StatusCode); // anonymous: sign in first
    }

    [Fact]
    public async Task Framework_UsedByRound_EditMakesNewVersion_UnusedEditsInPlace()
    {
        var framework = await f.FrameworkAsync();
        var input = await f.InScopeAsync(async sp => FrameworkInput.From(await sp.GetRequiredService<MaturityService>().FrameworkAsync(framework.Id, default)));
        input.NameBg = "Рамка (поправена)";
        var same = await f.InScopeAsync(sp => sp.GetRequiredService<FrameworkService>().SaveAsync(framework.Id, input, default));
        Assert.Equal(framework.Id, same);

        var process = await f.MaturityProcessAsync();
        var round = await f.RoundAsync(process, framework);
        input.NameBg = "Рамка, версия 2";
        input.Dimensions[0].LevelsBg[2] = "Ново описание на ниво 3";
        var next = await f.InScopeAsync(sp => sp.GetRequiredService<FrameworkService>().SaveAsync(framework.Id, input, default));
        Assert.NotEqual(framework.Id, next);

        var (old, fresh) = await f.DbAsync(async db => (
            await db.Set<MaturityFramework>().Include(x => x.Dimensions).AsNoTracking().SingleAsync(x => x.Id == framework.Id),
            await db.Set<MaturityFramework>().Include(x => x.Dimensions).AsNoTracking().SingleAsync(x => x.Id == next)));
        Assert.Equal("Рамка (поправена)", old.Name.Bg);
        Assert.Equal("Алфа: описание на ниво 3", old.Dimensions.Single(d => d.Key == "a").Level3.Bg);
        Assert.Equal((2, framework.Id), (fresh.Version, fresh.PreviousId));
        Assert.Equal("Ново описание на ниво 3", fresh.Dimensions.Single(d => d.Key == "a").Level3.Bg);
        Assert.Equal(["a", "b"], fresh.Dimensions.OrderBy(d => d.Position).Select(d => d.Key));
        Assert.Equal(framework.Id, await f.DbAsync(db => db.Set<MaturityRound>().Where(r => r.Id == round.Id).Select(r => r.FrameworkId).SingleAsync()));
        var latest = await f.InScopeAsync(sp => sp.GetRequiredService<FrameworkService>().LatestAsync(default));
        Assert.Contains(latest, r => r.Id == next);
        Assert.DoesNotContain(latest, r => r.Id == framework.Id);
    }

    [Fact]
    public async Task AdminFrameworks_AdministratorAddsDefault_OthersRefused()
    {
        var admin = await f.SignedInAsync(await f.PersonAsync(role: Roles.Administrator, twoFactor: true));
        var response = await admin.PostFormAsync("/admin/maturity", new Dictionary<string, string>(), "/admin/maturity?handler=default");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var page = await admin.HtmlAsync(response.Location());
        Assert.Contains("Канали за взаимодействие", page, StringComparison.Ordinal);
        Assert.Contains("Information in one place", page, StringComparison.Ordinal);
        var id = Guid.Parse(response.Location().Split('/')[^1]);
        Assert.Equal(DefaultFramework.Keys, await f.DbAsync(db => db.Set<MaturityDimension>().Where(d => d.FrameworkId == id).OrderBy(d => d.Position).Select(d => d.Key).ToListAsync()));

        var resident = await f.SignedInAsync(await f.PersonAsync());
        Denied(await resident.GetAsync("/admin/maturity"));
        Assert.StartsWith("/account/login", (await f.Browser().GetAsync("/admin/maturity")).Location(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rounds_OnlyFacilitatorsCreate_UnpublishedReportHidden()
    {
        var facilitator = await f.PersonAsync();
        var process = await f.MaturityProcessAsync(facilitator);
        var framework = await f.FrameworkAsync();
        var url = MaturityTestData.Url(process);
        var manager = await f.SignedInAsync(facilitator);
        var create = await manager.PostFormAsync(url + "/edit", new Dictionary<string, string>
        {
            ["Input.TitleBg"] = "Изходна оценка",
            ["Input.TitleEn"] = "Baseline",
            ["Input.FrameworkId"] = framework.Id.ToString(),
            ["Input.OpensAt"] = DateTime.UtcNow.AddDays(-1).ToString("yyyy-MM-ddTHH:mm", System.Globalization.CultureInfo.InvariantCulture),
            ["Input.ClosesAt"] = DateTime.UtcNow.AddDays(5).ToString("yyyy-MM-ddTHH:mm", System.Globalization.CultureInfo.InvariantCulture),
            ["Input.Assessors"] = "Residents",
        });
        Assert.Equal(HttpStatusCode.Redirect, create.StatusCode);
        Assert.Equal(url + "/baseline", create.Location());
        var round = await f.DbAsync(db => db.Set<MaturityRound>().SingleAsync(r => r.ProcessId == process.Id));
        Assert.Equal(AssessorSet.Residents, round.Assessors);
        Assert.Null(round.PublishedAt);

        var resident = await f.SignedInAsync(await f.PersonAsync());
        Denied(await resident.GetAsync(url + "/edit"));
        Denied(await resident.PostFormAsync(url, new Dictionary<string, string> { ["Input.TitleBg"] = "x" }, url + "/edit"));
        Assert.StartsWith("/account/login", (await f.Browser().GetAsync(url + "/edit")).Location(), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.NotFound, (await f.Browser().GetAsync(url + "/baseline/report")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await resident.GetAsync(url + "/baseline/report.csv")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await manager.GetAsync(url + "/baseline/report")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await f.Browser().GetAsync(url + "/" + round.Id)).StatusCode); // stable by id too

        var noPeriod = await manager.PostFormAsync(url + "/edit", new Dictionary<string, string>
        {
            ["Input.TitleBg"] = "Б",
            ["Input.TitleEn"] = "B",
            ["Input.FrameworkId"] = framework.Id.ToString(),
            ["Input.OpensAt"] = "2026-03-02T10:00",
            ["Input.ClosesAt"] = "2026-03-01T10:00",
        });
        Assert.Equal(HttpStatusCode.OK, noPeriod.StatusCode);
        var html = await noPeriod.TextAsync();
        Assert.Contains("Крайният срок трябва да е след началото", html, StringComparison.Ordinal);
        Assert.Contains("Изберете поне една група оценители", html, StringComparison.Ordinal);

        var other = await f.MaturityProcessAsync(components: "needs");
        Assert.Equal(HttpStatusCode.NotFound, (await f.Browser().GetAsync(MaturityTestData.Url(other))).StatusCode);
    }

    [Fact]
    public async Task Report_FiguresMatchCsvJsonAndChartTables_WithChangeSincePreviousRound()
    {
        var process = await f.MaturityProcessAsync(components: "maturity,swot,needs,commitments");
        var framework = await f.FrameworkAsync();
        var first = await f.RoundAsync(process, framework, open: false, published: true, slug: "first", opensAt: DateTime.UtcNow.AddDays(-30));
        var second = await f.RoundAsync(process, framework, open: false, published: true, slug: "second", opensAt: DateTime.UtcNow.AddDays(-5));
        var board = await f.BoardAsync(process);
        await f.ItemAsync(board, await f.PersonAsync(), Agora.Web.Features.Swot.SwotQuadrant.Strengths, "Силна ИТ общност");
        await f.NeedsAsync(process, 2);
        var people = new List<AgoraUser>();
        for (var i = 0; i < 4; i++)
            people.Add(await f.PersonAsync());
        await f.AssessmentAsync(first, framework, people[0], AssessorGroups.Municipality, (2, 4), (1, 3));
        await f.AssessmentAsync(first, framework, people[1], AssessorGroups.Ngo, (1, 3), (1, 2));
        // Second round: a = 3, 2, 1, 4 (sorted 1 2 3 4: median 2.5, Q1 1.75, Q3 3.25); targets 4 4 3 5; gaps 1 2 2 1 → 1.5.
        await f.AssessmentAsync(second, framework, people[0], AssessorGroups.Municipality, (3, 4), (2, 3));
        await f.AssessmentAsync(second, framework, people[1], AssessorGroups.Ngo, (2, 4), (2, 2));
        await f.AssessmentAsync(second, framework, people[2], AssessorGroups.Ngo, (1, 3), (1, 2));
        await f.AssessmentAsync(second, framework, people[3], AssessorGroups.Municipality, (4, 5), (3, 4));
        await f.AssessmentAsync(second, framework, await f.PersonAsync(), AssessorGroups.Business, (1, 1), (1, 1), submitted: false);

        var url = MaturityTestData.Url(process, second);
        var html = await f.Browser().HtmlAsync(url + "/report");
        Assert.Contains("Доклад за зрелостта: Кръг second", html, StringComparison.Ordinal);
        Assert.Contains("<h2 id=\"toc-h\">Съдържание</h2>", html, StringComparison.Ordinal);
        Assert.Contains("Промяна спрямо „Кръг first“", html, StringComparison.Ordinal);
        Assert.Contains("Текст на <strong>изводите</strong>", html, StringComparison.Ordinal);
        Assert.Contains("SWOT анализ", html, StringComparison.Ordinal);
        Assert.Contains("Силна ИТ общност", html, StringComparison.Ordinal);
        Assert.Contains("Подредени нужди", html, StringComparison.Ordinal);
        Assert.Contains("Нужда Б", html, StringComparison.Ordinal);
        Assert.Contains("Още няма поети ангажименти", html, StringComparison.Ordinal);
        Assert.Matches(@"<tr data-dimension=""a"">\s*<th scope=""row"">Алфа</th>\s*<td>4</td><td>2.5</td><td>1.75–3.25</td><td>1.5</td>\s*<td>4</td><td>1.5</td>", html);
        // Groups: municipality a = 3, 4 (median 3.5); NGOs 2, 1 (1.5): 2 levels apart → flagged.
        Assert.Contains("групите се разминават", html, StringComparison.Ordinal);

        // Every point drawn in a radar chart has its number in the chart's table, and the reverse.
        foreach (var chart in new[] { "radar-target", "radar-rounds" })
        {
            var figure = Regex.Match(html, $"<figure class=\"maturity-chart\" id=\"{chart}\">.*?</figure>", RegexOptions.Singleline).Value;
            Assert.NotEmpty(figure);
            var drawn = Regex.Matches(figure, "<circle [^>]*data-series=\"(\\w+)\" data-axis=\"(\\d)\" data-value=\"([\\d.]+)\"")
                .Select(m => (m.Groups[1].Value, m.Groups[2].Value, m.Groups[3].Value)).ToHashSet();
            var table = Regex.Matches(figure, "<td data-series=\"(\\w+)\" data-axis=\"(\\d)\">([\\d.]*)</td>")
                .Select(m => (m.Groups[1].Value, m.Groups[2].Value, m.Groups[3].Value)).Where(x => x.Item3 != "").ToHashSet();
            Assert.Equal(4, drawn.Count);
            Assert.Equal(table, drawn);
        }
        Assert.Contains(("current", "0", "2.5"), Regex.Matches(html, "data-series=\"(\\w+)\" data-axis=\"(\\d)\" data-value=\"([\\d.]+)\"").Select(m => (m.Groups[1].Value, m.Groups[2].Value, m.Groups[3].Value)));

        var bytes = await f.Browser().GetByteArrayAsync(url + "/report.csv");
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n");
        Assert.StartsWith("\"Измерение\",\"Група\",\"Брой оценители\",\"Медиана, сегашно ниво\"", lines[0], StringComparison.Ordinal);
        // a, all: n 4, median 2.5, Q1 1.75, Q3 3.25, IQR 1.5, levels 1 1 1 1 0, target median 4, gap 1.5, spread 2, before n 2 median 1.5, change +1.
        Assert.Equal("\"Алфа\",\"Всички\",\"4\",\"2.5\",\"1.75\",\"3.25\",\"1.5\",\"1\",\"1\",\"1\",\"1\",\"0\",\"4\",\"1.5\",\"2\",\"2\",\"1.5\",\"1\"", lines[1]);
        Assert.Equal("\"Алфа\",\"Общината\",\"2\",\"3.5\",\"\",\"\",\"\",\"\",\"\",\"\",\"\",\"\",\"4.5\",\"1\",\"\",\"\",\"\",\"\"", lines[2]);

        var json = JsonDocument.Parse(await f.Browser().GetStringAsync(url + "/report.json")).RootElement;
        Assert.Equal(4, json.GetProperty("assessors").GetInt32());
        Assert.Equal("first", json.GetProperty("previousRound").GetString());
        var a = json.GetProperty("dimensions")[0];
        Assert.Equal("a", a.GetProperty("key").GetString());
        Assert.Equal(2.5, a.GetProperty("current").GetProperty("median").GetDouble());
        Assert.Equal(1.75, a.GetProperty("current").GetProperty("q1").GetDouble());
        Assert.Equal(1.5, a.GetProperty("meanGap").GetDouble());
        Assert.True(a.GetProperty("groupsDisagree").GetBoolean());
        Assert.Equal(1, a.GetProperty("change").GetProperty("change").GetDouble());
        Assert.Equal(2, a.GetProperty("change").GetProperty("previousN").GetInt32());

        var list = await f.Browser().HtmlAsync(MaturityTestData.Url(process));
        Assert.Contains($"href=\"{url}/report\"", list, StringComparison.Ordinal);
        var processPage = await f.Browser().HtmlAsync($"/processes/{process.Slug}");
        Assert.Contains($"href=\"{url}/report\"", processPage, StringComparison.Ordinal);

        // The API carries the same figures; only published rounds.
        var api = await f.Anonymous().AllAsync($"/api/v1/maturity-rounds?process={process.Slug}");
        Assert.Equal(["first", "second"], api.Select(r => r.GetProperty("slug").GetString()).Order());
        var apiA = api.Single(r => r.GetProperty("slug").GetString() == "second").GetProperty("dimensions")[0];
        Assert.Equal(a.GetProperty("current").GetRawText(), apiA.GetProperty("current").GetRawText());
        Assert.Equal(1.5, apiA.GetProperty("meanGap").GetDouble());

        // The open dataset carries the same figures.
        var store = f.Services.GetRequiredService<Agora.Web.Features.OpenData.OpenDataStore>();
        await store.GenerateAsync(store.Datasets.Single(d => d.Name == "maturity-results"), CancellationToken.None);
        var rows = JsonDocument.Parse(await f.Browser().GetStringAsync("/open-data/maturity-results.json")).RootElement.EnumerateArray()
            .Where(r => r.GetProperty("process").GetString() == process.Slug && r.GetProperty("round").GetString() == "second").ToList();
        var all = rows.Single(r => r.GetProperty("dimension").GetString() == "a" && r.GetProperty("group").GetString() == "all");
        Assert.Equal(4, all.GetProperty("assessors").GetInt32());
        Assert.Equal(2.5, all.GetProperty("median_current").GetDouble());
        Assert.Equal(3.25, all.GetProperty("q3_current").GetDouble());
        Assert.Equal(1.5, all.GetProperty("mean_gap").GetDouble());
        Assert.Equal(1, all.GetProperty("level_4").GetInt32());
        Assert.Equal(3.5, rows.Single(r => r.GetProperty("dimension").GetString() == "a" && r.GetProperty("group").GetString() == "municipality")
            .GetProperty("median_current").GetDouble());
    }

    [Fact]
    public async Task RoundsList_QueryCount_DoesNotGrowWithRounds()
    {
        var process = await f.MaturityProcessAsync();
        var framework = await f.FrameworkAsync();
        var reader = await f.SignedInAsync(await f.PersonAsync());
        async Task<int> CountAsync()
        {
            f.Queries.Reset();
            Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync(MaturityTestData.Url(process))).StatusCode);
            return f.Queries.Count;
        }
        await f.RoundAsync(process, framework, published: true);
        await CountAsync();
        var before = await CountAsync();
        for (var i = 0; i < 5; i++)
            await f.RoundAsync(process, framework, published: i % 2 == 0);
        Assert.Equal(before, await CountAsync());
    }
}
