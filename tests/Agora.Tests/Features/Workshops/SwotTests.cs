using System.Net;
using Agora.Web.Features.Organizations;
using Agora.Web.Features.Swot;
using Agora.Web.Infrastructure.Identity;
using Microsoft.EntityFrameworkCore;

namespace Agora.Tests.Features.Workshops;

public sealed class SwotTests(AgoraFactory f) : IClassFixture<AgoraFactory>
{
    private static void Denied(HttpResponseMessage r) =>
        Assert.StartsWith("/account/access-denied", r.Location(), StringComparison.Ordinal);

    private static Dictionary<string, string> Item(SwotQuadrant q, string text, string? explanation = null) => new()
    {
        ["Input.Quadrant"] = q.ToString(),
        ["Input.Text"] = text,
        ["Input.Explanation"] = explanation ?? "",
    };

    private static Task<HttpResponseMessage> AddAsync(HttpClient c, string board, Dictionary<string, string> fields) =>
        c.PostFormAsync(board, fields, board + "?handler=add");

    private static Task<HttpResponseMessage> VoteAsync(HttpClient c, string board, params (Guid Item, int Dots)[] dots) =>
        c.PostFormAsync(board, dots.ToDictionary(d => $"Dots[{d.Item}]", d => d.Dots.ToString(System.Globalization.CultureInfo.InvariantCulture)), board + "?handler=vote");

    [Fact]
    public async Task Facilitator_RunsBoardEndToEnd_ThreeOrganisationsMergeVoteCloseSummary()
    {
        var facilitator = await f.PersonAsync();
        var process = await f.WorkshopProcessAsync(facilitator);
        var fc = await f.SignedInAsync(facilitator);
        var created = await fc.PostFormAsync($"/processes/{process.Slug}/swot", new Dictionary<string, string>
        {
            ["Input.TitleBg"] = "SWOT на работната среща",
            ["Input.TitleEn"] = "Workshop SWOT",
            ["Input.Dots"] = "3",
            ["Input.Eligibility"] = "OrganizationRepresentatives",
        });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var board = created.Location();

        var ngo = await f.RepresentativeAsync(OrganizationKind.Ngo, "Сдружение Алфа");
        var body = await f.RepresentativeAsync(OrganizationKind.PublicBody, "Институт Бета");
        var company = await f.RepresentativeAsync(OrganizationKind.Company, "Гама ООД");
        var (cNgo, cBody, cCompany) = (await f.SignedInAsync(ngo), await f.SignedInAsync(body), await f.SignedInAsync(company));
        Assert.Equal(HttpStatusCode.Redirect, (await AddAsync(cNgo, board, Item(SwotQuadrant.Strengths, "Силна ИТ общност", "Много клъстери"))).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await AddAsync(cBody, board, Item(SwotQuadrant.Strengths, "Сила на ИТ сектора"))).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await AddAsync(cCompany, board, Item(SwotQuadrant.Weaknesses, "Разпокъсана информация"))).StatusCode);

        // A signed-in person who represents no organisation is refused, and nothing is stored.
        var resident = await f.SignedInAsync(await f.PersonAsync());
        var refused = await AddAsync(resident, board, Item(SwotQuadrant.Threats, "Ниско доверие"));
        Assert.Contains("одобрени представители", await refused.TextAsync(), StringComparison.Ordinal);
        var boardId = Guid.Parse(board.Split('/')[^1]);
        var items = await f.DbAsync(db => db.Set<SwotItem>().Where(i => i.BoardId == boardId).ToListAsync());
        Assert.Equal(3, items.Count);
        var (strong, duplicate, weak) = (items.Single(i => i.Text == "Силна ИТ общност"), items.Single(i => i.Text == "Сила на ИТ сектора"), items.Single(i => i.Text == "Разпокъсана информация"));

        // Votes before the merge move with the item.
        Assert.Equal(HttpStatusCode.Redirect, (await VoteAsync(cBody, board, (duplicate.Id, 3))).StatusCode);
        var merged = await fc.PostFormAsync(board + "/manage", new Dictionary<string, string> { ["MergeSource"] = duplicate.Id.ToString(), ["MergeTarget"] = strong.Id.ToString() }, board + "/manage?handler=merge");
        Assert.Equal(HttpStatusCode.Redirect, merged.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await VoteAsync(cNgo, board, (strong.Id, 2), (weak.Id, 1))).StatusCode);
        // Beyond the allowance: refused with the reason, the typed numbers kept.
        var tooMany = await VoteAsync(cCompany, board, (weak.Id, 4));
        Assert.Equal(HttpStatusCode.BadRequest, tooMany.StatusCode);
        var tooManyHtml = await tooMany.TextAsync();
        Assert.Contains("най-много 3 точки", tooManyHtml, StringComparison.Ordinal);
        Assert.Contains($"name=\"Dots[{weak.Id}]\" type=\"number\" inputmode=\"numeric\" min=\"0\" max=\"3\" value=\"4\"", tooManyHtml, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await VoteAsync(cCompany, board, (weak.Id, 3))).StatusCode);

        Assert.Equal(HttpStatusCode.Redirect, (await fc.PostFormAsync(board + "/manage", new Dictionary<string, string>(), board + "/manage?handler=close")).StatusCode);
        var afterClose = await VoteAsync(cNgo, board, (weak.Id, 3));
        Assert.Contains("Таблото е затворено", await afterClose.TextAsync(), StringComparison.Ordinal);
        var late = await AddAsync(cNgo, board, Item(SwotQuadrant.Threats, "Късен елемент"));
        Assert.Equal(HttpStatusCode.BadRequest, late.StatusCode);
        var lateHtml = await late.TextAsync();
        Assert.Contains("Таблото е затворено", lateHtml, StringComparison.Ordinal);
        Assert.Contains("value=\"Късен елемент\"", lateHtml, StringComparison.Ordinal);
        var edit = await fc.PostFormAsync(board + "/manage", new Dictionary<string, string> { ["Edit.Id"] = weak.Id.ToString(), ["Edit.Quadrant"] = "Threats", ["Edit.Text"] = "Промяна след затваряне", ["Edit.Position"] = "0" }, board + "/manage?handler=edit");
        Assert.Equal(HttpStatusCode.Conflict, edit.StatusCode);

        var dots = await f.DbAsync(db => db.Set<SwotDot>().Where(d => d.ItemId == strong.Id || d.ItemId == weak.Id).ToListAsync());
        Assert.Equal(5, dots.Where(d => d.ItemId == strong.Id).Sum(d => d.Count));
        Assert.Equal(4, dots.Where(d => d.ItemId == weak.Id).Sum(d => d.Count));
        Assert.Equal("Разпокъсана информация", await f.DbAsync(db => db.Set<SwotItem>().Where(i => i.Id == weak.Id).Select(i => i.Text).SingleAsync()));

        var summary = await f.Browser().HtmlAsync(board + "/summary");
        Assert.Contains("print-summary", summary, StringComparison.Ordinal);
        Assert.Contains("Силна ИТ общност</strong> — 5 точки (1)", summary, StringComparison.Ordinal);
        Assert.Contains("Сдружение Алфа, Институт Бета", summary, StringComparison.Ordinal);
        Assert.DoesNotContain("Сила на ИТ сектора", summary, StringComparison.Ordinal);
        Assert.Contains("Публични институции", summary, StringComparison.Ordinal);
        Assert.Contains("<svg", summary, StringComparison.Ordinal);
        var css = await f.Browser().HtmlAsync("/css/site.css");
        Assert.Contains(".no-print, form", css, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Roles_AnonymousSignedInFacilitatorAndSiteAdministrator()
    {
        var facilitator = await f.PersonAsync();
        var process = await f.WorkshopProcessAsync(facilitator);
        var board = await f.BoardAsync(process);
        var url = WorkshopTestData.BoardUrl(process, board);

        var anonymous = f.Browser();
        var page = await anonymous.HtmlAsync(url);
        Assert.Contains("Табло", page, StringComparison.Ordinal);
        Assert.DoesNotContain("handler=add", page, StringComparison.Ordinal);
        var anonymousAdd = await AddAsync(anonymous, url, Item(SwotQuadrant.Strengths, "Анонимен елемент"));
        Assert.Equal(HttpStatusCode.BadRequest, anonymousAdd.StatusCode);
        Assert.Contains("Влезте, за да участвате", await anonymousAdd.TextAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await anonymous.GetAsync(url + "/manage")).StatusCode);

        var participant = await f.SignedInAsync(await f.PersonAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await AddAsync(participant, url, Item(SwotQuadrant.Strengths, "Добавено от участник"))).StatusCode);
        Denied(await participant.GetAsync(url + "/manage"));
        var notCreated = await participant.PostFormAsync($"/processes/{process.Slug}/swot", new Dictionary<string, string> { ["Input.TitleBg"] = "Чуждо табло", ["Input.Dots"] = "3" });
        Denied(notCreated);

        Assert.Equal(HttpStatusCode.OK, (await (await f.SignedInAsync(facilitator)).GetAsync(url + "/manage")).StatusCode);
        var admin = await f.SignedInAsync(await f.PersonAsync(role: Roles.Administrator, twoFactor: true));
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync(url + "/manage")).StatusCode);
        Assert.Equal(1, await f.DbAsync(db => db.Set<SwotItem>().CountAsync(i => i.BoardId == board.Id)));

        // A process without the component: not found.
        var off = await f.ProcessAsync(components: "proposals");
        Assert.Equal(HttpStatusCode.NotFound, (await participant.GetAsync($"/processes/{off.Slug}/swot")).StatusCode);
    }

    [Fact]
    public async Task EventParticipantsOnly_RegisteredMayAddOthersAreRefused()
    {
        var process = await f.WorkshopProcessAsync();
        var registered = await f.PersonAsync();
        var ev = await f.WorkshopEventAsync(process, registered);
        var board = await f.BoardAsync(process, eligibility: Agora.Web.Features.Workshops.WorkshopEligibility.EventParticipants, eventId: ev.Id);
        var url = WorkshopTestData.BoardUrl(process, board);
        var outsider = await AddAsync(await f.SignedInAsync(await f.PersonAsync()), url, Item(SwotQuadrant.Opportunities, "Отвън"));
        Assert.Contains("записаните за работната среща", await outsider.TextAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await AddAsync(await f.SignedInAsync(registered), url, Item(SwotQuadrant.Opportunities, "Отвътре"))).StatusCode);
        Assert.Equal(["Отвътре"], await f.DbAsync(db => db.Set<SwotItem>().Where(i => i.BoardId == board.Id).Select(i => i.Text).ToListAsync()));
    }

    [Fact]
    public async Task Dots_ParallelSubmissionsOfOnePerson_NeverExceedTheAllowance()
    {
        var process = await f.WorkshopProcessAsync();
        var board = await f.BoardAsync(process, dots: 5);
        var author = await f.PersonAsync();
        var items = new List<SwotItem>();
        for (var i = 0; i < 4; i++)
            items.Add(await f.ItemAsync(board, author, SwotQuadrant.Strengths, "Елемент " + i));
        var url = WorkshopTestData.BoardUrl(process, board);
        var client = await f.SignedInAsync(await f.PersonAsync());
        var token = Http.Token(await (await client.GetAsync(url)).Content.ReadAsStringAsync());
        // Each submission alone is within the allowance (5 dots on one item); together they would be 40.
        var tasks = Enumerable.Range(0, 8).Select(k => client.PostAsync(url + "?handler=vote", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            [$"Dots[{items[k % 4].Id}]"] = "5",
        })));
        var responses = await Task.WhenAll(tasks);
        Assert.All(responses, r => Assert.True(r.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.BadRequest, r.StatusCode.ToString()));
        var stored = await f.DbAsync(db => db.Set<SwotDot>().Where(d => d.BoardId == board.Id).ToListAsync());
        Assert.Equal(5, stored.Sum(d => d.Count));
        Assert.Single(stored);
        Assert.Equal(5, await f.DbAsync(db => db.Set<SwotAllowance>().Where(a => a.BoardId == board.Id).Select(a => a.Used).SingleAsync()));
    }

    [Fact]
    public async Task Dots_NegativeOrNotNumbers_AreRefusedAndNothingStored()
    {
        var process = await f.WorkshopProcessAsync();
        var board = await f.BoardAsync(process, dots: 3);
        var item = await f.ItemAsync(board, await f.PersonAsync(), SwotQuadrant.Threats, "Заплаха");
        var url = WorkshopTestData.BoardUrl(process, board);
        var client = await f.SignedInAsync(await f.PersonAsync());
        var negative = await VoteAsync(client, url, (item.Id, -2));
        Assert.Contains("не могат да са отрицателни", await negative.TextAsync(), StringComparison.Ordinal);
        var text = await client.PostFormAsync(url, new Dictionary<string, string> { [$"Dots[{item.Id}]"] = "много" }, url + "?handler=vote");
        Assert.Contains("цели числа", await text.TextAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await f.DbAsync(db => db.Set<SwotDot>().CountAsync(d => d.BoardId == board.Id)));
    }
}
