using System.Net;
using Agora.Web.Features.Proposals;
using Agora.Web.Features.ResultTracking;
using Agora.Web.Infrastructure.Identity;
using Microsoft.EntityFrameworkCore;

namespace Agora.Tests.Features.Results;

public sealed class ResultTests(AgoraFactory f) : IClassFixture<AgoraFactory>
{
    private Task<TrackedResult> LoadAsync(Guid id) => f.DbAsync(db => db.Set<TrackedResult>().AsNoTracking().SingleAsync(r => r.Id == id));

    private static Guid IdFrom(HttpResponseMessage created)
    {
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        return Guid.Parse(created.Location().Split('/', StringSplitOptions.RemoveEmptyEntries)[1]);
    }

    [Fact]
    public async Task Result_MovesFromPlannedToCompleted_WithMilestones_AndEachFollowerIsEmailedEveryUpdate()
    {
        var facilitator = await f.PersonAsync();
        var process = await f.ResultProcessAsync(facilitator);
        var admin = await f.SignedInAsync(facilitator);
        var created = await admin.PostFormAsync(ResultTestData.Url(process) + "/new", ResultTestData.Form());
        var id = IdFrom(created);
        var url = $"/results/{id}";
        var result = await LoadAsync(id);
        Assert.Equal(ResultStatus.Planned, result.Status);
        Assert.Equal(1_250_050, result.BudgetAllocatedCents);
        Assert.Equal("lozenets", result.District);

        // Two followers, one reading Bulgarian and one English; a second follow (double click) adds nothing.
        var bgPerson = await f.PersonAsync();
        var enPerson = await f.PersonAsync(culture: "en");
        var bg = await f.SignedInAsync(bgPerson);
        var en = await f.SignedInAsync(enPerson, "en");
        var follow = new Dictionary<string, string> { ["follow"] = "true" };
        Assert.Equal(HttpStatusCode.Redirect, (await bg.PostFormAsync(url, follow, url + "?handler=Follow")).StatusCode);
        await bg.PostFormAsync(url, follow, url + "?handler=Follow");
        await en.PostFormAsync(url, follow, url + "?handler=Follow");
        Assert.Equal(2, await f.DbAsync(db => db.Set<ResultFollower>().CountAsync(x => x.ResultId == id)));
        Assert.Equal(2, (await LoadAsync(id)).FollowerCount);
        Assert.Contains("Следвате този резултат", await bg.HtmlAsync(url), StringComparison.Ordinal);

        // A milestone, then progress, then the milestone reached, then completion.
        var milestone = await admin.PostFormAsync(url, new Dictionary<string, string>
        {
            ["Milestone.TitleBg"] = "Подмяна на покрива",
            ["Milestone.TitleEn"] = "New roof",
            ["Milestone.PlannedOn"] = "2026-10-01",
        }, url + "?handler=Milestone");
        Assert.Equal(HttpStatusCode.Redirect, milestone.StatusCode);
        var milestoneId = await f.DbAsync(db => db.Set<ResultMilestone>().Where(m => m.ResultId == id).Select(m => m.Id).SingleAsync());

        var started = await admin.PostFormAsync(url, ResultTestData.Update("InProgress", 30, "Строителите започнаха работа."), url + "?handler=Update");
        Assert.Equal(HttpStatusCode.Redirect, started.StatusCode);

        var reached = await admin.PostFormAsync(url, new Dictionary<string, string>
        {
            ["Milestone.Id"] = milestoneId.ToString(),
            ["Milestone.TitleBg"] = "Подмяна на покрива",
            ["Milestone.TitleEn"] = "New roof",
            ["Milestone.PlannedOn"] = "2026-10-01",
            ["Milestone.DoneOn"] = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ["Milestone.Evidence"] = "[Снимки](https://example.bg/snimki)",
        }, url + "?handler=Milestone");
        Assert.Equal(HttpStatusCode.Redirect, reached.StatusCode);

        // Completing sets progress to 100 whatever was typed.
        var completed = await admin.PostFormAsync(url, ResultTestData.Update("Completed", 80, "Читалището отвори врати."), url + "?handler=Update");
        Assert.Equal(HttpStatusCode.Redirect, completed.StatusCode);

        result = await LoadAsync(id);
        Assert.Equal(ResultStatus.Completed, result.Status);
        Assert.Equal(100, result.Progress);
        Assert.Equal(3, result.UpdateCount);
        Assert.NotNull(await f.DbAsync(db => db.Set<ResultMilestone>().Where(m => m.Id == milestoneId).Select(m => m.DoneOn).SingleAsync()));

        var page = await f.Browser().GetStringAsync(url);
        Assert.Contains("<progress id=\"progress\" max=\"100\" value=\"100\">", page, StringComparison.Ordinal);
        Assert.Contains("https://example.bg/snimki", page, StringComparison.Ordinal);
        var html = System.Net.WebUtility.HtmlDecode(page);
        Assert.Contains("Достигнат етап: Подмяна на покрива", html, StringComparison.Ordinal);
        Assert.Contains("Читалището отвори врати.", html, StringComparison.Ordinal);
        Assert.Contains("12 500,50", html.Replace('\u00A0', ' ').Replace('\u202F', ' '), StringComparison.Ordinal);

        var mail = await f.DeliverAsync();
        var toBg = mail.Where(m => m.To.Mailboxes.Any(b => b.Address == bgPerson.Email)).ToList();
        var toEn = mail.Where(m => m.To.Mailboxes.Any(b => b.Address == enPerson.Email)).ToList();
        Assert.Equal(3, toBg.Count);
        Assert.Equal(3, toEn.Count);
        Assert.All(toBg, m => Assert.Contains("Новина за „Ремонт на читалище „Светлина“", m.Subject, StringComparison.Ordinal));
        Assert.All(toEn, m => Assert.Contains("Update on \"Renovating the Svetlina community centre\"", m.Subject, StringComparison.Ordinal));
        Assert.Contains(toEn, m => (m.TextBody ?? "").Contains("Milestone reached: New roof", StringComparison.Ordinal));
        Assert.Contains(toBg, m => (m.TextBody ?? "").Contains("Ново състояние: Изпълнен.", StringComparison.Ordinal));
        Assert.Contains(toEn, m => (m.TextBody ?? "").Contains("Progress: 100 %", StringComparison.Ordinal));
        Assert.Contains(toBg[0].Headers, h => h.Field == "List-Unsubscribe");

        // The e-mail's link stops following without signing in: GET asks, POST stops.
        var unsubscribe = toBg[0].Link("/results/unsubscribe");
        var browser = f.Browser();
        Assert.Contains("Да спрем ли имейлите", await browser.HtmlAsync(unsubscribe), StringComparison.Ordinal);
        Assert.Equal(2, await f.DbAsync(db => db.Set<ResultFollower>().CountAsync(x => x.ResultId == id)));
        var stop = await browser.PostAsync(unsubscribe, new FormUrlEncodedContent(new Dictionary<string, string>()));
        Assert.Contains("Вече не следвате", await stop.TextAsync(), StringComparison.Ordinal);
        Assert.False(await f.DbAsync(db => db.Set<ResultFollower>().AnyAsync(x => x.ResultId == id && x.UserId == bgPerson.Id)));
        Assert.Equal(1, (await LoadAsync(id)).FollowerCount);
    }

    [Fact]
    public async Task InconsistentUpdatesAndInput_AreRefusedWithReasons_AndNothingChanges()
    {
        var facilitator = await f.PersonAsync();
        var process = await f.ResultProcessAsync(facilitator);
        var admin = await f.SignedInAsync(facilitator);
        var result = await f.ResultAsync(process, facilitator);
        var url = $"/results/{result.Id}";

        async Task<string> RefusedAsync(Dictionary<string, string> form, string handler)
        {
            var response = await admin.PostFormAsync(url, form, url + "?handler=" + handler);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            return await response.TextAsync();
        }

        Assert.Contains("Посочете причината за отмяната.", await RefusedAsync(ResultTestData.Update("Cancelled", 0, "Спираме."), "Update"), StringComparison.Ordinal);
        Assert.Contains("между 0 и 100", await RefusedAsync(ResultTestData.Update("InProgress", 150), "Update"), StringComparison.Ordinal);
        Assert.Contains("Планиран резултат още не е започнал", await RefusedAsync(ResultTestData.Update("Planned", 20), "Update"), StringComparison.Ordinal);
        Assert.Contains("Напишете бележка", await RefusedAsync(ResultTestData.Update("Planned", 0), "Update"), StringComparison.Ordinal);
        var future = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(5).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        Assert.Contains("не може да е изпълнен в бъдещето", await RefusedAsync(new Dictionary<string, string>
        {
            ["Milestone.TitleBg"] = "Етап",
            ["Milestone.PlannedOn"] = "2026-10-01",
            ["Milestone.DoneOn"] = future,
        }, "Milestone"), StringComparison.Ordinal);

        var stored = await LoadAsync(result.Id);
        Assert.Equal(ResultStatus.Planned, stored.Status);
        Assert.Equal(0, stored.UpdateCount);
        Assert.Equal(0, await f.DbAsync(db => db.Set<ResultUpdate>().CountAsync(u => u.ResultId == result.Id)));
        Assert.Equal(0, await f.DbAsync(db => db.Set<ResultMilestone>().CountAsync(m => m.ResultId == result.Id)));

        // Cancelling with a reason is accepted and the reason is public.
        var cancelled = await admin.PostFormAsync(url, ResultTestData.Update("Cancelled", 0, "", "Теренът не е общински."), url + "?handler=Update");
        Assert.Equal(HttpStatusCode.Redirect, cancelled.StatusCode);
        Assert.Contains("Теренът не е общински.", await f.Browser().HtmlAsync(url), StringComparison.Ordinal);

        // The form refuses negative money, an impossible amount, a due date before the start, and keeps the input.
        var newUrl = ResultTestData.Url(process) + "/new";
        var bad = await admin.PostFormAsync(newUrl, ResultTestData.Form(title: "Моят въведен резултат", spent: "-5", allocated: "много", start: "2026-05-01", due: "2026-04-01"));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var html = await bad.TextAsync();
        Assert.Contains("не по-малка от нула", html, StringComparison.Ordinal);
        Assert.Contains("Крайният срок не може да е преди началото.", html, StringComparison.Ordinal);
        Assert.Contains("Моят въведен резултат", html, StringComparison.Ordinal);
        Assert.Equal(1, await f.DbAsync(db => db.Set<TrackedResult>().CountAsync(r => r.ProcessId == process.Id)));
    }

    [Fact]
    public async Task OnlyTheProcessFacilitatorsAndSiteAdministrators_ManageResults()
    {
        var facilitator = await f.PersonAsync();
        var process = await f.ResultProcessAsync(facilitator);
        var otherAdmin = await f.PersonAsync();
        await f.ResultProcessAsync(otherAdmin);
        var result = await f.ResultAsync(process, facilitator);
        var url = $"/results/{result.Id}";
        var newUrl = ResultTestData.Url(process) + "/new";

        // Anonymous: sees the result, is sent to sign in for the form, refused for an update.
        var anonymous = f.Browser();
        var page = await anonymous.HtmlAsync(url);
        Assert.Contains("Нова детска площадка", page, StringComparison.Ordinal);
        Assert.Contains("Влезте, за да следвате", page, StringComparison.Ordinal);
        Assert.DoesNotContain("handler=Update", page, StringComparison.Ordinal);
        var form = await anonymous.GetAsync(newUrl);
        Assert.Equal(HttpStatusCode.Redirect, form.StatusCode);
        Assert.StartsWith("/account/login", form.Location(), StringComparison.Ordinal);
        var anonymousUpdate = await anonymous.PostFormAsync("/account/login", ResultTestData.Update("InProgress", 10, "x"), url + "?handler=Update");
        Assert.Equal(HttpStatusCode.Forbidden, anonymousUpdate.StatusCode);

        foreach (var person in new[] { await f.PersonAsync(), otherAdmin })
        {
            var client = await f.SignedInAsync(person);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync(newUrl)).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync(url + "/edit")).StatusCode);
            var created = await client.PostFormAsync(url, ResultTestData.Form(), newUrl);
            Assert.Equal(HttpStatusCode.Forbidden, created.StatusCode);
            var update = await client.PostFormAsync(url, ResultTestData.Update("InProgress", 10, "Чужда новина"), url + "?handler=Update");
            Assert.Equal(HttpStatusCode.Forbidden, update.StatusCode);
            Assert.Contains("Само фасилитаторите на процеса", await update.TextAsync(), StringComparison.Ordinal);
            var milestone = await client.PostFormAsync(url, new Dictionary<string, string> { ["Milestone.TitleBg"] = "Етап", ["Milestone.PlannedOn"] = "2026-10-01" },
                url + "?handler=Milestone");
            Assert.Equal(HttpStatusCode.Forbidden, milestone.StatusCode);
        }
        Assert.Equal(1, await f.DbAsync(db => db.Set<TrackedResult>().CountAsync(r => r.ProcessId == process.Id)));
        Assert.Equal(0, await f.DbAsync(db => db.Set<ResultUpdate>().CountAsync(u => u.ResultId == result.Id)));

        // The facilitator and a site administrator may.
        var mine = await f.SignedInAsync(facilitator);
        Assert.Equal(HttpStatusCode.Redirect, (await mine.PostFormAsync(url, ResultTestData.Update("InProgress", 10, "Започнахме."), url + "?handler=Update")).StatusCode);
        var site = await f.SignedInAsync(await f.PersonAsync(role: Roles.Administrator, twoFactor: true));
        Assert.Equal(HttpStatusCode.OK, (await site.GetAsync(url + "/edit")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await site.PostFormAsync(newUrl, ResultTestData.Form(title: "От администратора"))).StatusCode);
        Assert.Equal(2, await f.DbAsync(db => db.Set<TrackedResult>().CountAsync(r => r.ProcessId == process.Id)));
    }

    [Fact]
    public async Task AcceptedProposal_BecomesAResultOnce_AndTheResultLinksBackToIt()
    {
        var facilitator = await f.PersonAsync();
        var process = await f.ResultProcessAsync(facilitator);
        var proposal = new Proposal
        {
            ProcessId = process.Id,
            AuthorId = facilitator.Id,
            Title = "Пейки в парка",
            Body = "Повече пейки.",
            State = ProposalState.Accepted,
            CreatedAt = DateTime.UtcNow,
            UpdatedAt = DateTime.UtcNow,
        };
        await f.DbAsync(async db =>
        {
            db.Add(proposal);
            return await db.SaveChangesAsync();
        });
        var origin = "proposal:" + proposal.Id;
        var admin = await f.SignedInAsync(facilitator);
        var newUrl = ResultTestData.Url(process) + "/new";
        // The accepted proposal's page offers to track it; starting from there fills in its title.
        var proposalPage = await admin.HtmlAsync($"/processes/{process.Slug}/proposals/{proposal.Id}");
        Assert.Contains($"/processes/{process.Slug}/results/new?origin={origin}", proposalPage, StringComparison.Ordinal);
        var prefilled = await admin.HtmlAsync(newUrl + "?origin=" + origin);
        Assert.Contains("value=\"Пейки в парка\"", prefilled, StringComparison.Ordinal);

        var id = IdFrom(await admin.PostFormAsync(newUrl, ResultTestData.Form(title: "Пейки в парка", origin: origin)));
        var page = await f.Browser().HtmlAsync($"/results/{id}");
        Assert.Contains($"href=\"/processes/{process.Slug}/proposals/{proposal.Id}\"", page, StringComparison.Ordinal);
        Assert.Contains("Прието предложение", page, StringComparison.Ordinal);

        // Once tracked, the proposal's "track implementation" link leads to the result.
        var again = await admin.GetAsync(newUrl + "?origin=" + origin);
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.Equal($"/results/{id}", again.Location());
        var twice = await admin.PostFormAsync(newUrl, ResultTestData.Form(title: "Още пейки", origin: origin));
        Assert.Equal(HttpStatusCode.BadRequest, twice.StatusCode);
        Assert.Contains("вече се проследява", await twice.TextAsync(), StringComparison.Ordinal);
        // An id from nowhere is refused.
        var forged = await admin.PostFormAsync(newUrl, ResultTestData.Form(title: "Подправен", origin: "proposal:" + Guid.NewGuid()));
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal(1, await f.DbAsync(db => db.Set<TrackedResult>().CountAsync(r => r.ProcessId == process.Id)));
    }

    [Fact]
    public async Task FollowingTwiceAtOnce_LeavesOneFollower()
    {
        var process = await f.ResultProcessAsync();
        var result = await f.ResultAsync(process, await f.PersonAsync());
        var url = $"/results/{result.Id}";
        var person = await f.PersonAsync();
        var client = await f.SignedInAsync(person);
        var token = Http.Token(await client.GetStringAsync(url));
        var responses = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => client.PostAsync(url + "?handler=Follow",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["follow"] = "true", ["__RequestVerificationToken"] = token }))));
        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Redirect, r.StatusCode));
        Assert.Equal(1, await f.DbAsync(db => db.Set<ResultFollower>().CountAsync(x => x.ResultId == result.Id)));
        Assert.Equal(1, (await LoadAsync(result.Id)).FollowerCount);

        // Unfollowing removes the row; following again is possible.
        await client.PostFormAsync(url, new Dictionary<string, string> { ["follow"] = "false" }, url + "?handler=Follow");
        Assert.Equal(0, (await LoadAsync(result.Id)).FollowerCount);
        Assert.Contains("Следване", await client.HtmlAsync(url), StringComparison.Ordinal);
    }
}
