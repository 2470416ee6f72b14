using Agora.Tests.Features.Budgets;
using Agora.Tests.Features.Maturity;
using Agora.Tests.Features.Results;
using Agora.Web.Features.Budgets;
using Agora.Web.Features.Maturity;
using Agora.Web.Features.ResultTracking;
using Agora.Web.Features.Search;
using Agora.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Agora.Tests.Features.Search;

/// <summary>Maturity rounds, budget projects and tracked results are found like everything else, with their modules' visibility.</summary>
public sealed class ModuleSourceTests
{
    private static IEnumerable<Guid> Ids(SearchResult r) => r.Hits.Select(h => h.Id);

    [Fact]
    public async Task A_published_maturity_report_is_found_and_an_unpublished_round_is_not_found_by_anonymous_readers()
    {
        await using var f = new SearchFactory();
        await f.InitializeAsync();
        var process = await f.MaturityProcessAsync();
        var framework = await f.FrameworkAsync();
        var published = await f.RoundAsync(process, framework, open: false, published: true);
        var draft = await f.RoundAsync(process, framework, open: false);
        await f.DbAsync(async db =>
        {
            var p = await db.Set<MaturityRound>().SingleAsync(r => r.Id == published.Id);
            p.Title = new("Базова оценка на зрелостта", "Baseline maturity assessment");
            p.Conclusions = new("Отворените данни изостават спрямо другите измерения.", "Open data lags behind the other dimensions.");
            var d = await db.Set<MaturityRound>().SingleAsync(r => r.Id == draft.Id);
            d.Title = new("Втора оценка", "Second assessment");
            d.Conclusions = new("Черновата на изводите за отворените данни.", "Draft conclusions on open data.");
            return await db.SaveChangesAsync();
        });
        await f.ApplyAsync();

        var hits = f.Search("отворени данни", type: MaturityRoundSearchSource.KindName);
        Assert.Contains(published.Id, Ids(hits));
        Assert.DoesNotContain(draft.Id, Ids(hits));
        Assert.Equal($"/processes/{process.Slug}/maturity/{published.Slug}/report", hits.Hits.Single(h => h.Id == published.Id).Url);
        Assert.Contains(published.Id, Ids(f.Search("open data lags")));

        // Unpublishing hides it again.
        await f.DbAsync(async db =>
        {
            (await db.Set<MaturityRound>().SingleAsync(r => r.Id == published.Id)).PublishedAt = null;
            return await db.SaveChangesAsync();
        });
        await f.ApplyAsync();
        Assert.DoesNotContain(published.Id, Ids(f.Search("отворени данни")));
    }

    [Fact]
    public async Task A_budget_project_is_found_in_Bulgarian_word_forms_and_by_its_district()
    {
        await using var f = new SearchFactory();
        await f.InitializeAsync();
        var process = await f.ProcessAsync(components: BudgetService.Key);
        var (budget, projects) = await f.BudgetAsync(process, 100_000, [45_000, 30_000], district: "sredets");
        await f.DbAsync(async db =>
        {
            var p = await db.Set<BudgetProject>().SingleAsync(x => x.Id == projects[0].Id);
            p.Title = "Ремонт на улиците около градинката";
            p.Description = "Нови тротоари и осветление.";
            var other = await db.Set<BudgetProject>().SingleAsync(x => x.Id == projects[1].Id);
            other.Title = "Пейки и сенници";
            other.Review = ProjectReview.NotFeasible;
            return await db.SaveChangesAsync();
        });
        await f.ApplyAsync();

        Assert.Contains(projects[0].Id, Ids(f.Search("улица")));
        Assert.Contains(projects[0].Id, Ids(f.Search("тротоар")));
        Assert.Contains(projects[0].Id, Ids(f.Search("osvetlenie")));
        Assert.DoesNotContain(projects[1].Id, Ids(f.Search("улица")));
        var hit = f.Search("улица").Hits.Single(h => h.Id == projects[0].Id);
        Assert.Equal($"/processes/{process.Slug}/budgets/{budget.Id}/projects/{projects[0].Id}", hit.Url);
        // The project page shows not-feasible projects too, with the reasons; so does search.
        var bySredets = Ids(f.Search("Средец", type: BudgetProjectSearchSource.KindName)).ToList();
        Assert.Contains(projects[0].Id, bySredets);
        Assert.Contains(projects[1].Id, bySredets);
    }

    [Fact]
    public async Task A_tracked_result_is_found_by_its_title_and_its_timeline()
    {
        await using var f = new SearchFactory();
        await f.InitializeAsync();
        var author = await f.PersonAsync();
        var process = await f.ResultProcessAsync();
        var result = await f.ResultAsync(process, author, title: "Реконструкция на читалище „Светлина“");
        await f.ApplyAsync();
        var hit = f.Search("читалища").Hits.Single(h => h.Id == result.Id);
        Assert.Equal($"/results/{result.Id}", hit.Url);

        await f.DbAsync(async db =>
        {
            db.Add(new ResultUpdate
            {
                ResultId = result.Id,
                AuthorId = author.Id,
                Text = new LocalizedText("Покривът е подменен.", "The roof has been replaced."),
                CreatedAt = DateTime.UtcNow,
            });
            return await db.SaveChangesAsync();
        });
        await f.ApplyAsync();
        Assert.Contains(result.Id, Ids(f.Search("покрива", type: ResultSearchSource.KindName)));
        Assert.Contains(result.Id, Ids(f.Search("roof replaced")));
    }
}
