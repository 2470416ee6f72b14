using System.Text.Json;
using Agora.Tests.Features.Budgets;
using Agora.Web.Features.Budgets;
using Microsoft.EntityFrameworkCore;

namespace Agora.Tests.Features.Api;

/// <summary>/budgets and /budget-projects: votes and winners only after the close, never ballots or voters.</summary>
public sealed class BudgetsApiTests(AgoraFactory f) : IClassFixture<AgoraFactory>
{
    private async Task<(Budget Budget, List<BudgetProject> Projects)> BudgetAsync(BudgetPhase phase, bool published = true)
    {
        var process = await f.ProcessAsync(published, BudgetService.Key);
        var (budget, projects) = await f.BudgetAsync(process, 100, [60, 50, 30], phase: phase);
        await f.DbAsync(async db =>
        {
            int[] votes = [10, 8, 5];
            for (var i = 0; i < projects.Count; i++)
                (await db.Set<BudgetProject>().SingleAsync(p => p.Id == projects[i].Id)).VoteCount = votes[i];
            (await db.Set<Budget>().SingleAsync(b => b.Id == budget.Id)).BallotCount = 12;
            return await db.SaveChangesAsync();
        });
        return (budget, projects);
    }

    private static bool Absent(JsonElement item, string name) => !item.TryGetProperty(name, out var v) || v.ValueKind == JsonValueKind.Null;

    [Fact]
    public async Task Before_the_close_projects_have_no_votes_and_no_winner()
    {
        var (budget, projects) = await BudgetAsync(BudgetPhase.Voting);
        var api = f.Anonymous();
        var items = await api.AllAsync($"/api/v1/budget-projects?budget={budget.Id}");
        Assert.Equal(projects.Select(p => p.Id.ToString()).Order(), items.Ids().Order());
        Assert.All(items, i => Assert.True(Absent(i, "votes") && Absent(i, "funded"), i.ToString()));
        var one = await api.JsonAsync($"/api/v1/budget-projects/{projects[0].Id}");
        Assert.True(Absent(one, "votes") && Absent(one, "funded"));
        Assert.DoesNotContain("ballot", one.ToString(), StringComparison.OrdinalIgnoreCase);
        var b = await api.JsonAsync($"/api/v1/budgets/{budget.Id}");
        Assert.Equal("voting", b.GetProperty("phase").GetString());
        Assert.Equal(10_000, b.GetProperty("amountCents").GetInt64());
    }

    [Fact]
    public async Task After_the_close_projects_carry_votes_and_the_winners()
    {
        var (budget, projects) = await BudgetAsync(BudgetPhase.Results);
        var items = (await f.Anonymous().AllAsync($"/api/v1/budget-projects?budget={budget.Id}")).ToDictionary(i => i.GetProperty("id").GetString()!);
        Assert.Equal(10, items[projects[0].Id.ToString()].GetProperty("votes").GetInt32());
        Assert.True(items[projects[0].Id.ToString()].GetProperty("funded").GetBoolean());
        Assert.False(items[projects[1].Id.ToString()].GetProperty("funded").GetBoolean()); // 50 € does not fit after 60 €
        Assert.True(items[projects[2].Id.ToString()].GetProperty("funded").GetBoolean());
        var b = await f.Anonymous().JsonAsync($"/api/v1/budgets/{budget.Id}");
        Assert.Equal(12, b.GetProperty("ballots").GetInt32());
        Assert.DoesNotContain("voter", b.ToString(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Budgets_of_unpublished_processes_are_left_out()
    {
        var (budget, projects) = await BudgetAsync(BudgetPhase.Results, published: false);
        await f.Anonymous().ProblemAsync($"/api/v1/budgets/{budget.Id}", System.Net.HttpStatusCode.NotFound, "budget");
        await f.Anonymous().ProblemAsync($"/api/v1/budget-projects/{projects[0].Id}", System.Net.HttpStatusCode.NotFound, "budgetProject");
        Assert.DoesNotContain(budget.Id.ToString(), (await f.Anonymous().AllAsync("/api/v1/budgets")).Ids());
    }
}
