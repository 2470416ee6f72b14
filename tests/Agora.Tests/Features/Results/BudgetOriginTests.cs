using Agora.Tests.Features.Budgets;
using Agora.Web.Features.Budgets;
using Agora.Web.Features.Processes;
using Agora.Web.Features.ResultTracking;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Agora.Tests.Features.Results;

/// <summary>Winning budget projects of a closed vote become results; nothing else does.</summary>
public sealed class BudgetOriginTests(AgoraFactory f) : IClassFixture<AgoraFactory>
{
    /// <summary>A knapsack budget of 100 € with projects of 60, 50 and 30 € and 10, 8 and 5 votes: 60 and 30 win, 50 does
    /// not fit after 60.</summary>
    private async Task<(Process Process, Budget Budget, List<BudgetProject> Projects, Web.Infrastructure.Identity.AgoraUser Admin)> BudgetAsync(BudgetPhase phase)
    {
        var admin = await f.PersonAsync();
        var process = await f.ProcessAsync(components: BudgetService.Key + "," + ResultService.Key, administrator: admin);
        var (budget, projects) = await f.BudgetAsync(process, 100, [60, 50, 30], phase: phase);
        await f.DbAsync(async db =>
        {
            int[] votes = [10, 8, 5];
            for (var i = 0; i < projects.Count; i++)
                (await db.Set<BudgetProject>().SingleAsync(p => p.Id == projects[i].Id)).VoteCount = votes[i];
            return await db.SaveChangesAsync();
        });
        return (process, budget, projects, admin);
    }

    private Task<IReadOnlyDictionary<Guid, OriginLink>> ResolveAsync(params Guid[] ids) =>
        f.InScopeAsync(sp => sp.GetServices<IResultOrigin>().Single(o => o.Kind == "budget-project").ResolveAsync(ids, CancellationToken.None));

    [Fact]
    public async Task Winners_of_a_closed_vote_resolve_and_are_candidates_and_others_do_not()
    {
        var (process, budget, projects, _) = await BudgetAsync(BudgetPhase.Results);
        var found = await ResolveAsync(projects.Select(p => p.Id).ToArray());
        Assert.Equal(new[] { projects[0].Id, projects[2].Id }.Order(), found.Keys.Order());
        Assert.Equal($"/processes/{process.Slug}/budgets/{budget.Id}/projects/{projects[0].Id}", found[projects[0].Id].Url);
        Assert.Equal("П1", found[projects[0].Id].Title);

        var candidates = await f.InScopeAsync(sp => sp.GetRequiredService<ResultOrigins>().Find("budget-project")!.CandidatesAsync(process.Id, CancellationToken.None));
        Assert.Equal(new[] { projects[0].Id, projects[2].Id }.Order(), candidates.Select(c => c.Id).Order());
    }

    [Fact]
    public async Task Nothing_resolves_while_the_vote_is_open()
    {
        var (process, _, projects, _) = await BudgetAsync(BudgetPhase.Voting);
        Assert.Empty(await ResolveAsync(projects.Select(p => p.Id).ToArray()));
        Assert.Empty(await f.InScopeAsync(sp => sp.GetRequiredService<ResultOrigins>().Find("budget-project")!.CandidatesAsync(process.Id, CancellationToken.None)));
    }

    [Fact]
    public async Task Facilitators_see_track_implementation_on_a_winner_only_and_can_create_the_result()
    {
        var (process, budget, projects, admin) = await BudgetAsync(BudgetPhase.Results);
        var client = await f.SignedInAsync(admin);
        var winner = await client.HtmlAsync(BudgetTestData.Url(process, budget) + $"/projects/{projects[0].Id}");
        Assert.Contains($"/processes/{process.Slug}/results/new?origin=budget-project:{projects[0].Id}", winner, StringComparison.Ordinal);
        var loser = await client.HtmlAsync(BudgetTestData.Url(process, budget) + $"/projects/{projects[1].Id}");
        Assert.DoesNotContain("origin=budget-project", loser, StringComparison.Ordinal);
        var reader = await f.SignedInAsync(await f.PersonAsync());
        Assert.DoesNotContain("origin=budget-project", await reader.HtmlAsync(BudgetTestData.Url(process, budget) + $"/projects/{projects[0].Id}"),
            StringComparison.Ordinal);

        var form = ResultTestData.Form(origin: $"budget-project:{projects[0].Id}");
        var response = await client.PostFormAsync($"/processes/{process.Slug}/results/new?origin=budget-project:{projects[0].Id}", form);
        Assert.Equal(System.Net.HttpStatusCode.Redirect, response.StatusCode);
        var stored = await f.DbAsync(db => db.Set<TrackedResult>().SingleAsync(r => r.OriginId == projects[0].Id));
        Assert.Equal("budget-project", stored.OriginKind);
        Assert.Contains("П1", await client.HtmlAsync($"/results/{stored.Id}"), StringComparison.Ordinal);
    }
}
