using System.Net;
using Agora.Web.Features.Budgets;
using Agora.Web.Features.Verification;
using Agora.Web.Infrastructure.Demo;
using Agora.Web.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Agora.Tests.Features.Budgets;

public sealed class BudgetsDemoTests(AgoraFactory f) : IClassFixture<AgoraFactory>
{
    private async Task<AgoraUser> WithPasswordAsync(string email) => await f.InScopeAsync(async sp =>
    {
        var users = sp.GetRequiredService<UserManager<AgoraUser>>();
        var u = (await users.FindByEmailAsync(email))!;
        if (!await users.HasPasswordAsync(u))
            await users.AddPasswordAsync(u, Builders.Password);
        return u;
    });

    [Fact]
    public async Task Demo_RunTwice_SameData_AVerifiedResidentVotes_AndTheClosedBudgetPublishesReceipts()
    {
        async Task<(int Budgets, int Projects, int Ballots, int Verified)> Counts() => await f.DbAsync(async db => (
            await db.Set<Budget>().CountAsync(), await db.Set<BudgetProject>().CountAsync(),
            await db.Set<Ballot>().CountAsync(), await db.Set<ResidentVerification>().CountAsync()));
        await f.InScopeAsync(sp => sp.GetRequiredService<DemoSeed>().RunAsync(CancellationToken.None));
        var first = await Counts();
        await f.InScopeAsync(sp => sp.GetRequiredService<DemoSeed>().RunAsync(CancellationToken.None));
        Assert.Equal(first, await Counts());
        Assert.Equal(3, first.Budgets);
        Assert.True(first.Ballots > 10);
        Assert.True(await f.DbAsync(db => db.Set<Budget>().AllAsync(b => b.BallotCount == db.Set<Ballot>().Count(x => x.BudgetId == b.Id))));
        Assert.True(await f.DbAsync(db => db.Set<BudgetProject>().AllAsync(p => p.VoteCount == db.Set<BallotChoice>().Count(c => c.ProjectId == p.Id))));

        var budgets = await f.DbAsync(db => db.Set<Budget>().OrderBy(b => b.Position).ToListAsync());
        var base_ = $"/processes/{BudgetsDemo.Slug}/budgets";
        Assert.Contains("Градски бюджет 2026", await f.Browser().HtmlAsync(base_), StringComparison.Ordinal);

        // The closed Средец budget: results and the published receipts.
        var sredets = budgets.Single(b => b.District == "sredets");
        var results = await f.Browser().HtmlAsync($"{base_}/{sredets.Id}");
        Assert.Contains("Финансира се", results, StringComparison.Ordinal);
        var code = await f.DbAsync(db => db.Set<Ballot>().Where(b => b.BudgetId == sredets.Id).Select(b => b.ReceiptCode).FirstAsync());
        Assert.Contains(code, await f.Browser().HtmlAsync($"{base_}/{sredets.Id}/receipts"), StringComparison.Ordinal);

        // Maria is a verified resident who has not voted yet in the city budget: one submission counts.
        var city = budgets.Single(b => b.District == null);
        var maria = await WithPasswordAsync(FoundationDemo.People[0].Email);
        var client = await f.SignedInAsync(maria);
        var feasible = await f.DbAsync(db => db.Set<BudgetProject>().Where(p => p.BudgetId == city.Id && p.Review == ProjectReview.Feasible)
            .OrderBy(p => p.CostCents).ToListAsync());
        var before = city.BallotCount;
        var r = await client.VoteAsync($"{base_}/{city.Id}", feasible[^1], feasible[0]);
        Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
        Assert.Equal(before + 1, await f.DbAsync(db => db.Set<Budget>().Where(b => b.Id == city.Id).Select(b => b.BallotCount).SingleAsync()));

        // Anna is in the census but not verified: she verifies with the documented fake identifier.
        var anna = await WithPasswordAsync(FoundationDemo.People[4].Email);
        var annaClient = await f.SignedInAsync(anna, "en");
        Assert.Contains("/verification?returnUrl=", await annaClient.HtmlAsync($"{base_}/{city.Id}"), StringComparison.Ordinal);
        r = await annaClient.PostFormAsync("/verification", new Dictionary<string, string> { ["Input.Identifier"] = BudgetsDemo.AnnaIdentifier, ["Input.BirthDate"] = "1990-01-05" });
        Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
        Assert.Contains("Verified resident of Lozenets district", await annaClient.HtmlAsync("/verification"), StringComparison.Ordinal);
    }
}

public sealed class BudgetsOpenDataTests(AgoraFactory f) : IClassFixture<AgoraFactory>
{
    [Fact]
    public async Task Datasets_HoldBudgetsAndProjects_VotesOnlyAfterTheClose_NoBallots()
    {
        var process = await f.ProcessAsync(components: "budgets");
        var (open, ops) = await f.BudgetAsync(process, 1000, [100]);
        var (closed, cps) = await f.BudgetAsync(process, 1000, [100, 2000], phase: BudgetPhase.Results);
        await f.DbAsync(db => db.Set<BudgetProject>().Where(p => p.Id == ops[0].Id || p.Id == cps[0].Id)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.VoteCount, 7)));
        var client = f.Browser();
        var budgets = await (await client.GetAsync("/open-data/budgets.csv")).Content.ReadAsStringAsync();
        Assert.Contains(closed.Id.ToString(), budgets, StringComparison.Ordinal);
        var projects = await (await client.GetAsync("/open-data/budget-projects.csv")).Content.ReadAsStringAsync();
        var openLine = projects.Split("\r\n").Single(l => l.StartsWith(ops[0].Id.ToString(), StringComparison.Ordinal));
        var closedLine = projects.Split("\r\n").Single(l => l.StartsWith(cps[0].Id.ToString(), StringComparison.Ordinal));
        Assert.DoesNotContain(",7,", openLine, StringComparison.Ordinal);
        Assert.Contains(",7,true,", closedLine, StringComparison.Ordinal);
        Assert.DoesNotContain("receipt", projects, StringComparison.OrdinalIgnoreCase);
    }
}
