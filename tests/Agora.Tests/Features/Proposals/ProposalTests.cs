using System.Net;
using Agora.Web.Features.Notifications;
using Agora.Web.Features.Proposals;
using Microsoft.EntityFrameworkCore;

namespace Agora.Tests.Features.Proposals;

public sealed class ProposalTests(AgoraFactory f) : IClassFixture<AgoraFactory>
{
    private static Dictionary<string, string> NewProposal(string title) => new()
    {
        ["Input.Title"] = title,
        ["Input.Body"] = "Подробно описание на предложението с **удебелен** текст и повече от трийсет знака.",
        ["Input.District"] = "mladost",
    };

    [Fact]
    public async Task Create_PhaseAllows_PublishesAndShowsInList()
    {
        var process = await f.ProposalProcessAsync();
        var client = await f.SignedInAsync(await f.PersonAsync());
        var response = await client.PostFormAsync(ProposalTestData.Url(process) + "/new", NewProposal("Единен портал за общински услуги"));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var page = await client.HtmlAsync(response.Location());
        Assert.Contains("Единен портал за общински услуги", page, StringComparison.Ordinal);
        Assert.Contains("<strong>удебелен</strong>", page, StringComparison.Ordinal);
        var list = await f.Browser().HtmlAsync(ProposalTestData.Url(process));
        Assert.Contains("Единен портал за общински услуги", list, StringComparison.Ordinal);
        Assert.Contains("Младост", list, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_PhaseForbids_IsRefusedWithReasonAndNothingSaved()
    {
        var process = await f.ProposalProcessAsync(creating: false);
        var client = await f.SignedInAsync(await f.PersonAsync());
        var form = await client.HtmlAsync(ProposalTestData.Url(process) + "/new");
        Assert.Contains("не се приемат нови предложения", form, StringComparison.Ordinal);
        // A hand-made POST (with a token from another form) is refused too.
        await f.SwitchesAsync(process, true, true, true);
        var html = await (await client.GetAsync(ProposalTestData.Url(process) + "/new")).Content.ReadAsStringAsync();
        await f.SwitchesAsync(process, false, true, true);
        var fields = new Dictionary<string, string>(NewProposal("Заглавие на отказано предложение")) { ["__RequestVerificationToken"] = Http.Token(html) };
        var response = await client.PostAsync(ProposalTestData.Url(process) + "/new", new FormUrlEncodedContent(fields));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("не се приемат нови предложения", await response.TextAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await f.DbAsync(db => db.Set<Proposal>().CountAsync(p => p.ProcessId == process.Id)));
    }

    [Fact]
    public async Task Create_InvalidInput_ShowsErrorsAndKeepsText()
    {
        var process = await f.ProposalProcessAsync();
        var client = await f.SignedInAsync(await f.PersonAsync());
        var response = await client.PostFormAsync(ProposalTestData.Url(process) + "/new", new Dictionary<string, string>
        {
            ["Input.Title"] = "Кратко",
            ["Input.Body"] = "Моят текст",
            ["Input.District"] = "no-such-district",
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.TextAsync();
        Assert.Contains("aria-invalid=\"true\"", html, StringComparison.Ordinal);
        Assert.Contains("Моят текст", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Body_ScriptAndJavascriptLinks_AreNeutralised()
    {
        var process = await f.ProposalProcessAsync();
        var client = await f.SignedInAsync(await f.PersonAsync());
        var response = await client.PostFormAsync(ProposalTestData.Url(process) + "/new", new Dictionary<string, string>
        {
            ["Input.Title"] = "Предложение със зловреден код <script>alert(1)</script>",
            ["Input.Body"] = "<script>alert('x')</script> [натисни](javascript:alert(1)) и <img src=x onerror=alert(1)> още текст тук.",
            ["Input.District"] = "city",
        });
        var raw = await (await client.GetAsync(response.Location())).Content.ReadAsStringAsync();
        Assert.DoesNotContain("<script>alert", raw, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("javascript:", raw, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", raw, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task SimilarCheck_ShowsExistingProposalWithSimilarTitle()
    {
        var process = await f.ProposalProcessAsync();
        var existing = await f.ProposalAsync(process, await f.PersonAsync(), "Отворени данни за градския транспорт");
        var client = await f.SignedInAsync(await f.PersonAsync());
        var response = await client.PostFormAsync(ProposalTestData.Url(process) + "/new", NewProposal("Транспортни данни като отворени данни"),
            ProposalTestData.Url(process) + "/new?handler=similar");
        var html = await response.TextAsync();
        Assert.Contains(existing.Id.ToString(), html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Support_PhaseForbids_IsRefusedWithReason()
    {
        var process = await f.ProposalProcessAsync(supporting: false);
        var p = await f.ProposalAsync(process, await f.PersonAsync());
        var client = await f.SignedInAsync(await f.PersonAsync());
        var page = await client.HtmlAsync(ProposalTestData.Url(process, p.Id));
        Assert.Contains("не се събира подкрепа", page, StringComparison.Ordinal);
        await f.SwitchesAsync(process, true, true, true);
        var html = await (await client.GetAsync(ProposalTestData.Url(process, p.Id))).Content.ReadAsStringAsync();
        await f.SwitchesAsync(process, true, false, true);
        var response = await client.PostAsync(ProposalTestData.Url(process, p.Id) + "?handler=support",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = Http.Token(html) }));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("не се събира подкрепа", await client.HtmlAsync(response.Location()), StringComparison.Ordinal);
        Assert.Equal(0, await f.DbAsync(db => db.Set<ProposalSupport>().CountAsync(s => s.ProposalId == p.Id)));
    }

    [Fact]
    public async Task Support_ParallelRequestsOfOnePerson_CountOnce()
    {
        var process = await f.ProposalProcessAsync();
        var p = await f.ProposalAsync(process, await f.PersonAsync());
        var client = await f.SignedInAsync(await f.PersonAsync());
        var html = await (await client.GetAsync(ProposalTestData.Url(process, p.Id))).Content.ReadAsStringAsync();
        var token = Http.Token(html);
        var tasks = Enumerable.Range(0, 8).Select(_ => client.PostAsync(ProposalTestData.Url(process, p.Id) + "?handler=support",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token })));
        var responses = await Task.WhenAll(tasks);
        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Redirect, r.StatusCode));
        Assert.Equal(1, await f.DbAsync(db => db.Set<ProposalSupport>().CountAsync(s => s.ProposalId == p.Id)));
        Assert.Equal(1, await f.DbAsync(db => db.Set<Proposal>().Where(x => x.Id == p.Id).Select(x => x.SupportCount).SingleAsync()));
    }

    [Fact]
    public async Task Support_ReachesThreshold_MarksForEvaluationAndTellsAuthorAndSupporters()
    {
        var process = await f.ProposalProcessAsync(threshold: 2);
        var author = await f.PersonAsync();
        var p = await f.ProposalAsync(process, author);
        var first = await f.PersonAsync();
        var second = await f.PersonAsync();
        foreach (var who in new[] { first, second })
        {
            var client = await f.SignedInAsync(who);
            var r = await client.PostFormAsync(ProposalTestData.Url(process, p.Id), new Dictionary<string, string>(), ProposalTestData.Url(process, p.Id) + "?handler=support");
            Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
        }
        var stored = await f.DbAsync(db => db.Set<Proposal>().SingleAsync(x => x.Id == p.Id));
        Assert.Equal(ProposalState.ForEvaluation, stored.State);
        Assert.Equal(2, stored.SupportCount);
        var told = await f.DbAsync(db => db.Set<Notification>().Where(n => n.Kind == NotificationKind.ProposalThreshold).Select(n => n.UserId).ToListAsync());
        Assert.Contains(author.Id, told);
        Assert.Contains(first.Id, told);
        Assert.Contains(second.Id, told);
        var mail = await f.LastTo(first.Email!);
        Assert.Contains(p.Title, mail.Subject, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Support_TakenBack_CountDrops()
    {
        var process = await f.ProposalProcessAsync();
        var p = await f.ProposalAsync(process, await f.PersonAsync());
        var client = await f.SignedInAsync(await f.PersonAsync());
        var url = ProposalTestData.Url(process, p.Id);
        await client.PostFormAsync(url, new Dictionary<string, string>(), url + "?handler=support");
        Assert.Contains("Вие подкрепяте", await client.HtmlAsync(url), StringComparison.Ordinal);
        await client.PostFormAsync(url, new Dictionary<string, string>(), url + "?handler=unsupport");
        Assert.Equal(0, await f.DbAsync(db => db.Set<Proposal>().Where(x => x.Id == p.Id).Select(x => x.SupportCount).SingleAsync()));
    }

    [Fact]
    public async Task Support_BlockedPerson_IsRefused()
    {
        var process = await f.ProposalProcessAsync();
        var p = await f.ProposalAsync(process, await f.PersonAsync());
        var person = await f.PersonAsync();
        var client = await f.SignedInAsync(person);
        var html = await (await client.GetAsync(ProposalTestData.Url(process, p.Id))).Content.ReadAsStringAsync();
        await f.DbAsync(async db =>
        {
            var u = await db.Users.SingleAsync(x => x.Id == person.Id);
            u.BlockedAt = DateTime.UtcNow;
            return await db.SaveChangesAsync();
        });
        await client.PostAsync(ProposalTestData.Url(process, p.Id) + "?handler=support",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = Http.Token(html) }));
        Assert.Equal(0, await f.DbAsync(db => db.Set<ProposalSupport>().CountAsync(s => s.ProposalId == p.Id)));
    }

    [Fact]
    public async Task Answer_ProcessAdministrator_ShowsAnswerAndTellsAuthor()
    {
        var admin = await f.PersonAsync();
        var process = await f.ProposalProcessAsync(administrator: admin);
        var author = await f.PersonAsync();
        var p = await f.ProposalAsync(process, author);
        var client = await f.SignedInAsync(admin);
        var url = ProposalTestData.Url(process, p.Id);
        var r = await client.PostFormAsync(url, new Dictionary<string, string>
        {
            ["Answer.State"] = "Accepted",
            ["Answer.Text"] = "Приемаме предложението и ще го изпълним.",
        }, url + "?handler=answer");
        Assert.True(r.StatusCode == HttpStatusCode.Redirect, await r.TextAsync());
        var page = await f.Browser().HtmlAsync(url);
        Assert.Contains("Приемаме предложението", page, StringComparison.Ordinal);
        Assert.Contains("official-answer", page, StringComparison.Ordinal);
        Assert.True(await f.DbAsync(db => db.Set<Notification>().AnyAsync(n => n.UserId == author.Id && n.Kind == NotificationKind.ProposalAnswered)));
    }

    [Fact]
    public async Task Answer_PlainPerson_IsForbidden()
    {
        var process = await f.ProposalProcessAsync();
        var p = await f.ProposalAsync(process, await f.PersonAsync());
        var client = await f.SignedInAsync(await f.PersonAsync());
        var url = ProposalTestData.Url(process, p.Id);
        var r = await client.PostFormAsync(url, new Dictionary<string, string> { ["Answer.State"] = "Accepted", ["Answer.Text"] = "Приемаме предложението." }, url + "?handler=answer");
        Assert.NotEqual(HttpStatusCode.OK, r.StatusCode);
        Assert.Null(await f.DbAsync(db => db.Set<Proposal>().Where(x => x.Id == p.Id).Select(x => x.AnswerText).SingleAsync()));
    }

    [Fact]
    public async Task Settings_PlainPersonForbidden_AdministratorSwitchesPhase()
    {
        var admin = await f.PersonAsync();
        var process = await f.ProposalProcessAsync(administrator: admin, creating: false);
        var plain = await f.SignedInAsync(await f.PersonAsync());
        Assert.NotEqual(HttpStatusCode.OK, (await plain.GetAsync(ProposalTestData.Url(process) + "/settings")).StatusCode);
        var client = await f.SignedInAsync(admin);
        var phases = process.Phases.OrderBy(p => p.Position).ToList();
        var fields = new Dictionary<string, string>
        {
            ["Input.SupportThreshold"] = "5",
            ["Input.EditWindowMinutes"] = "30",
            ["Input.Categories"] = "Транспорт | Transport\nДанни",
        };
        for (var i = 0; i < phases.Count; i++)
        {
            fields[$"Input.Phases[{i}].PhaseId"] = phases[i].Id.ToString();
            if (phases[i].IsCurrent)
                fields[$"Input.Phases[{i}].Creating"] = "true";
        }
        var r = await client.PostFormAsync(ProposalTestData.Url(process) + "/settings", fields);
        Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
        var list = await client.HtmlAsync(ProposalTestData.Url(process));
        Assert.Contains("/new", list, StringComparison.Ordinal);
        Assert.Contains("Транспорт", list, StringComparison.Ordinal);
        Assert.Equal(5, await f.DbAsync(db => db.Set<ProposalSettings>().Where(s => s.ProcessId == process.Id).Select(s => s.SupportThreshold).SingleAsync()));
    }

    [Fact]
    public async Task List_FiltersSortsAndStableRandomPaging()
    {
        var process = await f.ProposalProcessAsync();
        var author = await f.PersonAsync();
        var a = await f.ProposalAsync(process, author, "Първо предложение за Младост", "mladost", supports: 5);
        var b = await f.ProposalAsync(process, author, "Второ предложение за Люлин", "lyulin", supports: 9);
        var browser = f.Browser();
        var mladost = await browser.HtmlAsync(ProposalTestData.Url(process) + "?district=mladost");
        Assert.Contains(a.Title, mladost, StringComparison.Ordinal);
        Assert.DoesNotContain(b.Title, mladost, StringComparison.Ordinal);
        var text = await browser.HtmlAsync(ProposalTestData.Url(process) + "?q=" + Uri.EscapeDataString("Люлин"));
        Assert.Contains(b.Title, text, StringComparison.Ordinal);
        Assert.DoesNotContain(a.Title, text, StringComparison.Ordinal);
        var supported = await browser.HtmlAsync(ProposalTestData.Url(process) + "?sort=supported");
        Assert.True(supported.IndexOf(b.Title, StringComparison.Ordinal) < supported.IndexOf(a.Title, StringComparison.Ordinal));
        var random = await browser.GetAsync(ProposalTestData.Url(process) + "?sort=random");
        Assert.Equal(HttpStatusCode.Redirect, random.StatusCode);
        Assert.Contains("seed=", random.Location(), StringComparison.Ordinal);
        Assert.Equal(await browser.HtmlAsync(random.Location()), await browser.HtmlAsync(random.Location()));
    }

    [Fact]
    public async Task List_QueryCount_StaysFixedAsProposalsGrow()
    {
        var process = await f.ProposalProcessAsync();
        var authors = new[] { await f.PersonAsync(), await f.PersonAsync() };
        await f.ProposalAsync(process, authors[0]);
        var browser = f.Browser();
        await browser.GetAsync(ProposalTestData.Url(process)); // warm up
        f.Queries.Reset();
        await browser.GetAsync(ProposalTestData.Url(process));
        var few = f.Queries.Count;
        for (var i = 0; i < 30; i++)
            await f.ProposalAsync(process, authors[i % 2]);
        f.Queries.Reset();
        var html = await browser.HtmlAsync(ProposalTestData.Url(process) + "?sort=commented");
        Assert.Equal(few, f.Queries.Count);
        Assert.Contains("rel=\"next\"", html, StringComparison.Ordinal);
        var second = await browser.HtmlAsync(ProposalTestData.Url(process) + "?sort=commented&page=2");
        Assert.Contains("rel=\"prev\"", second, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DraftProcess_ProposalsAreNotFoundForOthers()
    {
        var process = await f.ProcessAsync(published: false, components: "proposals");
        Assert.Equal(HttpStatusCode.NotFound, (await f.Browser().GetAsync(ProposalTestData.Url(process))).StatusCode);
        var other = await f.ProcessAsync(components: "events");
        Assert.Equal(HttpStatusCode.NotFound, (await f.Browser().GetAsync(ProposalTestData.Url(other))).StatusCode);
    }

    [Fact]
    public async Task Withdraw_Author_HidesFromDefaultList()
    {
        var process = await f.ProposalProcessAsync();
        var author = await f.PersonAsync();
        var p = await f.ProposalAsync(process, author);
        var client = await f.SignedInAsync(author);
        var url = ProposalTestData.Url(process, p.Id);
        await client.PostFormAsync(url, new Dictionary<string, string>(), url + "?handler=withdraw");
        Assert.Equal(ProposalState.Withdrawn, await f.DbAsync(db => db.Set<Proposal>().Where(x => x.Id == p.Id).Select(x => x.State).SingleAsync()));
        Assert.DoesNotContain(p.Title, await f.Browser().HtmlAsync(ProposalTestData.Url(process)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Edit_OtherPerson_IsForbidden_AuthorSaves()
    {
        var process = await f.ProposalProcessAsync();
        var author = await f.PersonAsync();
        var p = await f.ProposalAsync(process, author);
        var other = await f.SignedInAsync(await f.PersonAsync());
        var denied = await other.GetAsync(ProposalTestData.Url(process, p.Id) + "/edit");
        Assert.StartsWith("/account/access-denied", denied.Location(), StringComparison.Ordinal);
        var client = await f.SignedInAsync(author);
        var r = await client.PostFormAsync(ProposalTestData.Url(process, p.Id) + "/edit", new Dictionary<string, string>
        {
            ["Input.Title"] = "Ново заглавие на предложението",
            ["Input.Body"] = "Нов текст на предложението, по-дълъг от трийсет знака.",
            ["Input.District"] = "city",
        });
        Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
        Assert.Equal("Ново заглавие на предложението", await f.DbAsync(db => db.Set<Proposal>().Where(x => x.Id == p.Id).Select(x => x.Title).SingleAsync()));
    }
}
