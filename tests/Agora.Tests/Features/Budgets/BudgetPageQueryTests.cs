using System.Net;
using Agora.Web.Features.Budgets;
using Microsoft.EntityFrameworkCore;

namespace Agora.Tests.Features.Budgets;

/// <summary>The budget list and a budget's page run a fixed number of queries, however many projects and ballots.</summary>
public sealed class BudgetPageQueryTests(AgoraFactory f) : IClassFixture<AgoraFactory>
{
    [Fact]
    public async Task ListAndBudgetPages_RunAFixedNumberOfQueries()
    {
        var process = await f.ProcessAsync(components: "budgets");
        var (b, _) = await f.BudgetAsync(process, 1000, [100], phase: BudgetPhase.Results);
        var client = await f.SignedInAsync(await f.ResidentAsync("izgrev"));
        var list = $"/processes/{process.Slug}/budgets";
        var page = BudgetTestData.Url(process, b);
        await client.GetAsync(page); // warm up
        f.Queries.Reset();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(list)).StatusCode);
        var listFew = f.Queries.Count;
        f.Queries.Reset();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(page)).StatusCode);
        var pageFew = f.Queries.Count;

        await f.BudgetAsync(process, 1000, [100, 200, 300]);
        await f.DbAsync(async db =>
        {
            for (var i = 0; i < 20; i++)
                db.Add(new BudgetProject { BudgetId = b.Id, Title = "Още " + i, Description = "Описание.", CostCents = 100 + i, Review = ProjectReview.Feasible, CreatedAt = DateTime.UtcNow });
            return await db.SaveChangesAsync();
        });
        for (var i = 0; i < 3; i++)
        {
            var voter = await f.ResidentAsync(i % 2 == 0 ? "izgrev" : "lozenets");
            await f.DbAsync(async db =>
            {
                db.Add(new Ballot { BudgetId = b.Id, VoterId = voter.Id, District = i % 2 == 0 ? "izgrev" : "lozenets", ReceiptCode = BudgetService.NewReceipt(), CastAt = DateTime.UtcNow });
                return await db.SaveChangesAsync();
            });
        }
        f.Queries.Reset();
        await client.GetAsync(list);
        Assert.Equal(listFew, f.Queries.Count);
        f.Queries.Reset();
        var html = await client.HtmlAsync(page);
        Assert.Equal(pageFew, f.Queries.Count);
        Assert.Contains("Още 19", html, StringComparison.Ordinal);
        Assert.Contains("Лозенец", html, StringComparison.Ordinal);
        Assert.True(await f.DbAsync(db => db.Set<Ballot>().AnyAsync(x => x.BudgetId == b.Id)));
    }
}
