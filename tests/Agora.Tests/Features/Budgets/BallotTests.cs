using System.Net;
using Agora.Web.Features.Budgets;
using Agora.Web.Infrastructure.Identity;
using Microsoft.EntityFrameworkCore;

namespace Agora.Tests.Features.Budgets;

/// <summary>The one-step ballot: who may vote, each refusal with its message, receipts, concurrency, the close.</summary>
public sealed class BallotTests(AgoraFactory f) : IClassFixture<AgoraFactory>
{
    private Task<Agora.Web.Features.Processes.Process> ProcessAsync(AgoraUser? admin = null) => f.ProcessAsync(components: "budgets", administrator: admin);

    private async Task<(int Ballots, int BallotCount, string Votes)> CountsAsync(Budget b, List<BudgetProject> projects) =>
        await f.DbAsync(async db =>
        {
            var ballots = await db.Set<Ballot>().CountAsync(x => x.BudgetId == b.Id);
            var stored = await db.Set<Budget>().Where(x => x.Id == b.Id).Select(x => x.BallotCount).FirstAsync();
            var ids = projects.Select(p => p.Id).ToList();
            var votes = await db.Set<BudgetProject>().Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.VoteCount);
            return (ballots, stored, string.Join(",", projects.Select(p => votes[p.Id])));
        });

    [Fact]
    public async Task VerifiedResident_VotesInOneStep_GetsReceiptByMail_AndFindsItAfterTheClose()
    {
        var admin = await f.PersonAsync();
        var process = await ProcessAsync(admin);
        var (b, ps) = await f.BudgetAsync(process, 1000, [600, 300, 200]);
        var voter = await f.ResidentAsync("lozenets");
        var client = await f.SignedInAsync(voter);
        var url = BudgetTestData.Url(process, b);

        var page = await client.HtmlAsync(url);
        Assert.Contains("Гласувам", page, StringComparison.Ordinal);
        Assert.Contains("aria-live=\"polite\"", page, StringComparison.Ordinal);

        var r = await client.VoteAsync(url, ps[0], ps[1]);
        Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
        var receipt = await f.DbAsync(db => db.Set<Ballot>().Where(x => x.BudgetId == b.Id && x.VoterId == voter.Id).Select(x => x.ReceiptCode).SingleAsync());
        Assert.Contains(receipt, await client.HtmlAsync(url), StringComparison.Ordinal);
        Assert.Equal((1, 1, "1,1,0"), await CountsAsync(b, ps));
        Assert.Equal("lozenets", await f.DbAsync(db => db.Set<Ballot>().Where(x => x.BudgetId == b.Id).Select(x => x.District).SingleAsync()));

        var mail = await f.LastTo(voter.Email!);
        Assert.Contains(receipt, mail.TextBody, StringComparison.Ordinal);

        // "Download my data" holds the person's ballot, receipt and verification, never a census hash.
        var download = await client.PostFormAsync("/account/manage/personal-data", new Dictionary<string, string>(), "/account/manage/personal-data?handler=Download");
        var json = System.Text.RegularExpressions.Regex.Unescape(await download.Content.ReadAsStringAsync());
        Assert.Contains("\"budgets\"", json, StringComparison.Ordinal);
        Assert.Contains(receipt, json, StringComparison.Ordinal);
        Assert.Contains("\"verification\"", json, StringComparison.Ordinal);

        // Before the close the list is not published, and results are not shown; turnout is.
        var receipts = url + "/receipts";
        Assert.Contains("след края на гласуването", await client.HtmlAsync(receipts), StringComparison.Ordinal);
        var before = await f.Browser().HtmlAsync(url);
        Assert.DoesNotContain("Финансира се", before, StringComparison.Ordinal);
        Assert.Contains("Гласували: 1", before, StringComparison.Ordinal);

        var facilitator = await f.SignedInAsync(admin);
        var close = await facilitator.PostFormAsync(url, new Dictionary<string, string> { ["to"] = "Results" }, url + "?handler=phase");
        Assert.Equal(HttpStatusCode.Redirect, close.StatusCode);

        var anonymous = f.Browser();
        var list = await anonymous.HtmlAsync(receipts);
        Assert.Contains(receipt, list, StringComparison.Ordinal);
        Assert.Contains($"Бюлетината с код {receipt} е отчетена", await anonymous.HtmlAsync(receipts + "?code=" + receipt.ToLowerInvariant()), StringComparison.Ordinal);
        Assert.Contains("Няма отчетена бюлетина", await anonymous.HtmlAsync(receipts + "?code=ZZZZZ-ZZZZZ"), StringComparison.Ordinal);
        var results = await anonymous.HtmlAsync(url);
        Assert.Contains("Финансира се", results, StringComparison.Ordinal);
        Assert.Contains("Лозенец", results, StringComparison.Ordinal);
        Assert.DoesNotContain("Гласувам", results, StringComparison.Ordinal);

        // After the close no ballot is accepted.
        var late = await f.SignedInAsync(await f.ResidentAsync("lozenets"));
        r = await late.PostFormAsync(url, new Dictionary<string, string> { ["Choice"] = ps[2].Id.ToString() }, url + "?handler=vote");
        Assert.Contains("Гласуването приключи", await r.TextAsync(), StringComparison.Ordinal);
        Assert.Equal(1, (await CountsAsync(b, ps)).Ballots);
    }

    [Fact]
    public async Task Unverified_IsToldHowToVerify_AndCannotVote()
    {
        var process = await ProcessAsync();
        var (b, ps) = await f.BudgetAsync(process, 1000, [100]);
        var client = await f.SignedInAsync(await f.PersonAsync());
        var url = BudgetTestData.Url(process, b);
        var page = await client.HtmlAsync(url);
        Assert.Contains("само за проверени жители", page, StringComparison.Ordinal);
        Assert.Contains("href=\"/verification?returnUrl=", page, StringComparison.Ordinal);
        var r = await client.PostFormAsync(url, new Dictionary<string, string> { ["Choice"] = ps[0].Id.ToString() }, url + "?handler=vote");
        Assert.Contains("само за проверени жители", await r.TextAsync(), StringComparison.Ordinal);
        Assert.Equal((0, 0, "0"), await CountsAsync(b, ps));

        var anonymous = await f.Browser().HtmlAsync(url);
        Assert.Contains("влезте в профила си", anonymous, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DistrictBudget_RefusesOtherDistricts_CityBudgetTakesAnyDistrict()
    {
        var process = await ProcessAsync();
        var (district, dps) = await f.BudgetAsync(process, 1000, [100], district: "sredets");
        var (city, cps) = await f.BudgetAsync(process, 1000, [100]);
        var client = await f.SignedInAsync(await f.ResidentAsync("mladost"));

        var r = await client.VoteAsync(BudgetTestData.Url(process, district), dps[0]);
        Assert.Contains("само за проверени жители на Средец", await r.TextAsync(), StringComparison.Ordinal);
        Assert.Equal(0, (await CountsAsync(district, dps)).Ballots);

        r = await client.VoteAsync(BudgetTestData.Url(process, city), cps[0]);
        Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
        Assert.Equal((1, 1, "1"), await CountsAsync(city, cps));
    }

    [Fact]
    public async Task BadBallots_AreRefusedWithClearMessages_AndNothingCounts()
    {
        var process = await ProcessAsync();
        var (b, ps) = await f.BudgetAsync(process, 1000, [600, 500, 100], minPercent: 50);
        var (other, ops) = await f.BudgetAsync(process, 1000, [100]);
        var client = await f.SignedInAsync(await f.ResidentAsync("izgrev"));
        var url = BudgetTestData.Url(process, b);

        var r = await client.VoteAsync(url, ps[0], ps[1]);
        var html = await r.TextAsync();
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        Assert.Contains("повече от бюджета", html, StringComparison.Ordinal);
        // The person's own choices stay ticked.
        Assert.Contains($"value=\"{ps[0].Id}\" id=\"c-{ps[0].Id}\" data-cost=\"60000\" checked", html, StringComparison.Ordinal);

        r = await client.VoteAsync(url, ps[2]);
        Assert.Contains("изберете проекти за поне", await r.TextAsync(), StringComparison.Ordinal);

        r = await client.VoteAsync(url, ps[0].Id, Guid.NewGuid());
        Assert.Contains("не е в този бюджет", await r.TextAsync(), StringComparison.Ordinal);

        r = await client.VoteAsync(url, ps[0], ops[0]);
        Assert.Contains("не е в този бюджет", await r.TextAsync(), StringComparison.Ordinal);

        r = await client.VoteAsync(url, Array.Empty<Guid>());
        Assert.Contains("Изберете поне един проект", await r.TextAsync(), StringComparison.Ordinal);

        // A project that failed review is not on the ballot, even by its id.
        await f.DbAsync(db => db.Set<BudgetProject>().Where(p => p.Id == ps[2].Id)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.Review, ProjectReview.NotFeasible)));
        r = await client.VoteAsync(url, ps[0], ps[2]);
        Assert.Contains("не е в този бюджет", await r.TextAsync(), StringComparison.Ordinal);

        Assert.Equal((0, 0, "0,0,0"), await CountsAsync(b, ps));
        Assert.Equal(0, (await CountsAsync(other, ops)).Ballots);
    }

    [Fact]
    public async Task Approval_OutsideMinMax_IsRefused()
    {
        var process = await ProcessAsync();
        var (b, ps) = await f.BudgetAsync(process, 100, [10, 10, 10, 10], rule: VotingRule.Approval, minProjects: 2, maxProjects: 3);
        var client = await f.SignedInAsync(await f.ResidentAsync("izgrev", "en"), "en");
        var url = BudgetTestData.Url(process, b);
        var r = await client.VoteAsync(url, ps[0]);
        Assert.Contains("Choose between 2 and 3 projects (you chose 1).", await r.TextAsync(), StringComparison.Ordinal);
        r = await client.VoteAsync(url, ps.ToArray());
        Assert.Contains("(you chose 4)", await r.TextAsync(), StringComparison.Ordinal);
        r = await client.VoteAsync(url, ps[0], ps[1], ps[2]);
        Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
        Assert.Equal((1, 1, "1,1,1,0"), await CountsAsync(b, ps));
    }

    [Fact]
    public async Task OutsideTheVotingPhase_IsRefused()
    {
        var process = await ProcessAsync();
        var (b, ps) = await f.BudgetAsync(process, 1000, [100], phase: BudgetPhase.Review);
        var client = await f.SignedInAsync(await f.ResidentAsync("izgrev"));
        var url = BudgetTestData.Url(process, b);
        Assert.DoesNotContain("Гласувам", await client.HtmlAsync(url), StringComparison.Ordinal);
        var r = await client.PostFormAsync(url, new Dictionary<string, string> { ["Choice"] = ps[0].Id.ToString() }, url + "?handler=vote");
        Assert.Contains("Гласуването още не е започнало", await r.TextAsync(), StringComparison.Ordinal);
        Assert.Equal(0, (await CountsAsync(b, ps)).Ballots);
    }

    [Fact]
    public async Task SecondBallot_IsRefused_UnlessTheBudgetAllowsChange()
    {
        var process = await ProcessAsync();
        var (b, ps) = await f.BudgetAsync(process, 1000, [100, 200]);
        var client = await f.SignedInAsync(await f.ResidentAsync("izgrev"));
        var url = BudgetTestData.Url(process, b);
        await client.VoteAsync(url, ps[0]);
        var r = await client.PostFormAsync(url + "/receipts", new Dictionary<string, string> { ["Choice"] = ps[1].Id.ToString() }, url + "?handler=vote");
        Assert.Contains("Вече сте гласували", await r.TextAsync(), StringComparison.Ordinal);
        Assert.Equal((1, 1, "1,0"), await CountsAsync(b, ps));

        var (c, cs) = await f.BudgetAsync(process, 1000, [100, 200], allowChange: true);
        var curl = BudgetTestData.Url(process, c);
        await client.VoteAsync(curl, cs[0]);
        var receipt = await f.DbAsync(db => db.Set<Ballot>().Where(x => x.BudgetId == c.Id).Select(x => x.ReceiptCode).SingleAsync());
        r = await client.VoteAsync(curl, cs[1]);
        Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
        Assert.Equal((1, 1, "0,1"), await CountsAsync(c, cs));
        Assert.Equal(receipt, await f.DbAsync(db => db.Set<Ballot>().Where(x => x.BudgetId == c.Id).Select(x => x.ReceiptCode).SingleAsync()));
    }

    [Fact]
    public async Task ParallelSubmissionsOfTheSameBallot_CountExactlyOnce()
    {
        var process = await ProcessAsync();
        var (b, ps) = await f.BudgetAsync(process, 1000, [100, 200]);
        var client = await f.SignedInAsync(await f.ResidentAsync("izgrev"));
        var url = BudgetTestData.Url(process, b);
        var token = Http.Token(await client.HtmlAsync(url));
        var posts = Enumerable.Range(0, 6).Select(_ => client.PostAsync(url + "?handler=vote", new FormUrlEncodedContent(
        [
            new("__RequestVerificationToken", token),
            new("Choice", ps[0].Id.ToString()),
            new("Choice", ps[1].Id.ToString()),
        ])));
        var responses = await Task.WhenAll(posts);
        Assert.All(responses, r => Assert.True(r.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.OK, r.StatusCode.ToString()));
        Assert.Equal((1, 1, "1,1"), await CountsAsync(b, ps));

        // Many voters at once: the stored counters equal the ballots.
        var voters = new List<HttpClient>();
        for (var i = 0; i < 5; i++)
            voters.Add(await f.SignedInAsync(await f.ResidentAsync("izgrev")));
        await Task.WhenAll(voters.Select(v => v.VoteAsync(url, ps[0])));
        Assert.Equal((6, 6, "6,1"), await CountsAsync(b, ps));
    }

    private static void Denied(HttpResponseMessage r) =>
        Assert.StartsWith("/account/access-denied", r.Location(), StringComparison.OrdinalIgnoreCase);

    [Fact]
    public async Task OnlyFacilitators_CreateBudgets_AdvancePhases_AndReview()
    {
        var admin = await f.PersonAsync();
        var process = await ProcessAsync(admin);
        var (b, ps) = await f.BudgetAsync(process, 1000, [100], phase: BudgetPhase.Review);
        var url = BudgetTestData.Url(process, b);
        var create = new Dictionary<string, string>
        {
            ["Input.TitleBg"] = "Бюджет на Изгрев",
            ["Input.TitleEn"] = "Izgrev budget",
            ["Input.Area"] = "izgrev",
            ["Input.AmountEur"] = "50000",
            ["Input.Rule"] = "Approval",
            ["Input.MinProjects"] = "1",
            ["Input.MaxProjects"] = "2",
        };
        var person = await f.SignedInAsync(await f.ResidentAsync("izgrev"));
        var moderator = await f.SignedInAsync(await f.PersonAsync(role: Roles.Moderator, twoFactor: true));
        foreach (var outsider in new[] { person, moderator })
        {
            var list = $"/processes/{process.Slug}/budgets";
            Denied(await outsider.PostFormAsync(list, create));
            Denied(await outsider.PostFormAsync(url, new Dictionary<string, string> { ["to"] = "Voting" }, url + "?handler=phase"));
            var project = $"{url}/projects/{ps[0].Id}";
            Denied(await outsider.PostFormAsync(project, new Dictionary<string, string> { ["Review.State"] = "NotFeasible", ["Review.Reason"] = "Не." }, project + "?handler=review"));
        }
        Assert.False(await f.DbAsync(db => db.Set<Budget>().AnyAsync(x => x.ProcessId == process.Id && x.District == "izgrev")));
        Assert.Equal(BudgetPhase.Review, await f.DbAsync(db => db.Set<Budget>().Where(x => x.Id == b.Id).Select(x => x.Phase).SingleAsync()));
        var facilitator = await f.SignedInAsync(admin);
        var r = await facilitator.PostFormAsync($"/processes/{process.Slug}/budgets", create);
        Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
        var created = await f.DbAsync(db => db.Set<Budget>().SingleAsync(x => x.ProcessId == process.Id && x.District == "izgrev"));
        Assert.Equal(5_000_000, created.AmountCents);
        Assert.Equal(VotingRule.Approval, created.Rule);

        var projectUrl = $"{url}/projects/{ps[0].Id}";
        r = await facilitator.PostFormAsync(projectUrl, new Dictionary<string, string> { ["Review.State"] = "NotFeasible", ["Review.Reason"] = "", ["Review.CostEur"] = "150" }, projectUrl + "?handler=review");
        Assert.Contains("Посочете защо проектът е неизпълним", await r.TextAsync(), StringComparison.Ordinal);
        r = await facilitator.PostFormAsync(projectUrl, new Dictionary<string, string> { ["Review.State"] = "Feasible", ["Review.Reason"] = "Може.", ["Review.CostEur"] = "150" }, projectUrl + "?handler=review");
        Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
        Assert.Equal(15_000, await f.DbAsync(db => db.Set<BudgetProject>().Where(p => p.Id == ps[0].Id).Select(p => p.CostCents).SingleAsync()));

        // Phases move one at a time.
        r = await facilitator.PostFormAsync(url, new Dictionary<string, string> { ["to"] = "Results" }, url + "?handler=phase");
        Assert.Equal(BudgetPhase.Review, await f.DbAsync(db => db.Set<Budget>().Where(x => x.Id == b.Id).Select(x => x.Phase).SingleAsync()));
        r = await facilitator.PostFormAsync(url, new Dictionary<string, string> { ["to"] = "Voting" }, url + "?handler=phase");
        Assert.Equal(BudgetPhase.Voting, await f.DbAsync(db => db.Set<Budget>().Where(x => x.Id == b.Id).Select(x => x.Phase).SingleAsync()));
        Assert.True(await f.DbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "budget.phase" && a.TargetId == b.Id.ToString())));
    }

    [Fact]
    public async Task Citizens_SubmitProjects_OnlyDuringSubmission()
    {
        var process = await ProcessAsync();
        var (open, _) = await f.BudgetAsync(process, 1000, [], phase: BudgetPhase.Submission, district: "izgrev");
        var (voting, _) = await f.BudgetAsync(process, 1000, [], phase: BudgetPhase.Voting);
        var client = await f.SignedInAsync(await f.PersonAsync());
        var form = new Dictionary<string, string>
        {
            ["Input.Title"] = "Пейки в парка",
            ["Input.Description"] = "Нови пейки и кошчета по алеите на парка.",
            ["Input.CostEur"] = "12000",
            ["Input.District"] = "budget",
            ["Input.ImageUrl"] = "http://example.com/a.jpg",
        };
        var newUrl = BudgetTestData.Url(process, open) + "/projects/new";
        var r = await client.PostFormAsync(newUrl, form);
        Assert.Contains("https://", await r.TextAsync(), StringComparison.Ordinal);
        form["Input.ImageUrl"] = "https://example.com/a.jpg";
        r = await client.PostFormAsync(newUrl, form);
        Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
        var project = await f.DbAsync(db => db.Set<BudgetProject>().SingleAsync(p => p.BudgetId == open.Id));
        Assert.Equal(ProjectReview.Pending, project.Review);
        Assert.Equal("izgrev", project.District);
        Assert.Equal(1_200_000, project.CostCents);
        Assert.Contains("Пейки в парка", await client.HtmlAsync(r.Location()), StringComparison.Ordinal);

        Assert.Contains("не приема проекти", await client.HtmlAsync(BudgetTestData.Url(process, voting) + "/projects/new"), StringComparison.Ordinal);
    }
}
